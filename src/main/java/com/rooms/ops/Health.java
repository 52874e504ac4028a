package com.rooms.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import com.rooms.room.ChatManager;
import com.rooms.room.Drain;
import com.rooms.security.SignInSetup;
import com.rooms.storage.Transactions;

/** {@code /health/live} and {@code /health/ready}. */
public final class Health {
    private Health() {
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        ChatManager manager;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("rooms").up().withData("clients", manager.connectedClients()).build();
        }
    }

    /** Ready unless draining, nobody can sign in, or the database does not answer (nobody could be admitted). */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        Drain drain;

        @Inject
        SignInSetup signIn;

        @Inject
        Transactions tx;

        @Override
        public HealthCheckResponse call() {
            if (drain.draining()) {
                return HealthCheckResponse.named("rooms").down().withData("reason", "draining").build();
            }
            if (signIn.problem() != null) {
                return HealthCheckResponse.named("rooms").down().withData("reason", signIn.problem()).build();
            }
            try {
                tx.read(em -> em.createNativeQuery("SELECT 1").getSingleResult());
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("rooms").down().withData("reason", "the database does not answer")
                        .build();
            }
            return HealthCheckResponse.named("rooms").up().build();
        }
    }
}
