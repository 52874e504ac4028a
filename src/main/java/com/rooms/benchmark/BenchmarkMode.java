package com.rooms.benchmark;

import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import com.rooms.config.RoomsConfig;

/**
 * Installs {@link BareRelay} when the server runs in benchmark mode
 * ({@code rooms.bench=true}, honoured in the dev mode only). In every other
 * configuration the endpoint does not exist: it is not annotated, so only
 * this listener can deploy it.
 */
@WebListener
public class BenchmarkMode implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(BenchmarkMode.class.getName());

    @Inject
    RoomsConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!config.bench()) {
            return;
        }
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(BareRelay.class, BareRelay.PATH).build());
            LOG.info("benchmark mode: bare relay installed at " + BareRelay.PATH);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot install the bare relay", e);
        }
    }
}
