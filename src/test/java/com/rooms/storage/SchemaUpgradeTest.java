package com.rooms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * A database made by the changelog as it was before the room controls, with
 * rooms, members and messages in it, is brought up to date by the changelog
 * the server ships, and keeps everything.
 */
class SchemaUpgradeTest {
    private static final String CHANGELOG = SchemaMigration.CHANGELOG;
    private static final Pattern ROOM_CONTROLS =
            Pattern.compile("\\s*<changeSet id=\"6-room-controls\".*?</changeSet>", Pattern.DOTALL);

    @TempDir
    Path before;

    @Test
    void aDatabaseWithRoomsFromTheLastReleaseGainsUnlockedRoomsWithoutALimitAndKeepsItsData() throws Exception {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection db = DriverManager.getConnection(url)) {
            update(db, lastRelease());
            try (Statement sql = db.createStatement()) {
                assertFalse(columns(sql, "ROOM").contains("LOCKED"), "made without the room controls");
                sql.executeUpdate("INSERT INTO room (id, name, visibility, history_setting, created_by, created_at)"
                        + " VALUES ('standup', 'Stand-up', 'private', 'shared', 'olga', CURRENT_TIMESTAMP)");
                sql.executeUpdate("INSERT INTO room_member (room_id, user_id, display_name, role, joined_at)"
                        + " VALUES ('standup', 'ann', 'Ann', 'moderator', CURRENT_TIMESTAMP)");
                sql.executeUpdate("INSERT INTO chat_message (id, room_id, sender_user_id, sender_name, body, sent_at)"
                        + " VALUES (1, 'standup', 'ann', 'Ann', 'hello', CURRENT_TIMESTAMP)");
            }

            update(db, new ClassLoaderResourceAccessor(SchemaUpgradeTest.class.getClassLoader()));

            try (Statement sql = db.createStatement();
                 ResultSet room = sql.executeQuery("SELECT name, locked, max_clients FROM room WHERE id = 'standup'")) {
                assertTrue(room.next());
                assertEquals("Stand-up", room.getString("name"));
                assertFalse(room.getBoolean("locked"), "rooms that were open stay open");
                room.getInt("max_clients");
                assertTrue(room.wasNull(), "and take any number of connections");
            }
            try (Statement sql = db.createStatement()) {
                assertEquals("moderator", single(sql, "SELECT role FROM room_member WHERE user_id = 'ann'"));
                assertEquals("hello", single(sql, "SELECT body FROM chat_message WHERE id = 1"));
                sql.executeUpdate("INSERT INTO room (id, name, visibility, history_setting, created_by, created_at)"
                        + " VALUES ('fresh', 'Fresh', 'public', 'shared', 'olga', CURRENT_TIMESTAMP)");
                assertEquals("FALSE", single(sql, "SELECT locked FROM room WHERE id = 'fresh'").toUpperCase(),
                        "a room inserted without the new columns is unlocked");
            }
        }
    }

    /** The shipped changelog without the room controls' changeset, at the same path. */
    private ResourceAccessor lastRelease() throws IOException {
        String current;
        try (InputStream in = SchemaUpgradeTest.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
            current = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher controls = ROOM_CONTROLS.matcher(current);
        assertTrue(controls.find(), "the changelog has the room controls' changeset");
        String previous = controls.replaceFirst("");
        assertNotEquals(current, previous);
        Path file = before.resolve(CHANGELOG);
        Files.createDirectories(file.getParent());
        Files.writeString(file, previous);
        return new DirectoryResourceAccessor(before);
    }

    private static void update(Connection db, ResourceAccessor changelogs) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(db));
        Scope.child(Scope.Attr.resourceAccessor.name(), changelogs,
                () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .execute());
    }

    private static String columns(Statement sql, String table) throws Exception {
        StringBuilder names = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = '" + table + "'")) {
            while (rows.next()) {
                names.append(rows.getString(1)).append(' ');
            }
        }
        return names.toString();
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next(), query);
            return rows.getString(1);
        }
    }
}
