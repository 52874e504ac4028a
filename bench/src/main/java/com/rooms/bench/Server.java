package com.rooms.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The server under load: its demo sign-in and its sockets. */
final class Server {
    final String base;
    final HttpClient http = HttpClient.newHttpClient();

    Server(String base) {
        this.base = base;
    }

    String token(String user) throws Exception {
        return tokenOf(http.send(tokenRequest(user), HttpResponse.BodyHandlers.ofString()));
    }

    /** Tokens for many users, fetched {@code parallel} at a time; in the users' order. */
    List<String> tokens(List<String> users, int parallel) throws Exception {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<String>> answers = new ArrayList<>(users.size());
        for (String user : users) {
            permits.acquire();
            answers.add(http.sendAsync(tokenRequest(user), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((a, e) -> permits.release()).thenApply(Server::tokenOf));
        }
        List<String> tokens = new ArrayList<>(users.size());
        for (CompletableFuture<String> answer : answers) {
            tokens.add(answer.get());
        }
        return tokens;
    }

    private HttpRequest tokenRequest(String user) {
        return HttpRequest.newBuilder(URI.create(base + "/api/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"ttl\":86400}")).build();
    }

    private static String tokenOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the demo sign-in answered " + answer.statusCode()
                    + ": run the server in the dev configuration (mvn package liberty:run)");
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getString("token");
    }

    /** The bare relay's channel (benchmark mode only). */
    URI bareChannel(String channel) {
        return URI.create(base.replaceFirst("^http", "ws") + "/bench/relay/" + channel);
    }

    /** {@code POST /api/bench/heap}: heap after a full GC (if asked) and the process's CPU time. */
    JsonObject probe(boolean gc) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/bench/heap?gc=" + gc))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("/api/bench/heap answered " + answer.statusCode()
                    + ": start the server in benchmark mode (-Dliberty.var.rooms.bench=true)");
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    URI socket(String room) {
        return URI.create(base.replaceFirst("^http", "ws") + "/ws/rooms/" + room);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
