package com.rooms.storage;

import java.sql.Connection;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date with the Liquibase changelogs under
 * {@code liquibase/} before anything else in the application starts. Liquibase
 * takes a lock in the database, so nodes starting together apply each
 * changeset once. A schema that cannot be brought up to date stops the
 * deployment: the server never runs against a schema it does not know.
 */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    static final String CHANGELOG = "db/changelog.xml";

    @Inject
    @ConfigProperty(name = "rooms.db.jndi", defaultValue = "jdbc/rooms")
    String dataSourceName;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored)
            throws Exception {
        DataSource dataSource = lookup(dataSourceName);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .execute());
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            LOG.info("database schema is up to date (" + database.getDatabaseProductName() + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        }
    }

    private static DataSource lookup(String name) throws NamingException {
        return (DataSource) new InitialContext().lookup(name);
    }
}
