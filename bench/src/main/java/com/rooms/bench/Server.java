package com.rooms.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.Json;

/** The server under load: its demo sign-in and its sockets. */
final class Server {
    final String base;
    final HttpClient http = HttpClient.newHttpClient();

    Server(String base) {
        this.base = base;
    }

    String token(String user) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"ttl\":86400}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the demo sign-in answered " + answer.statusCode()
                    + ": run the server in the dev configuration (mvn package liberty:run)");
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getString("token");
    }

    URI socket(String room) {
        return URI.create(base.replaceFirst("^http", "ws") + "/ws/rooms/" + room);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
