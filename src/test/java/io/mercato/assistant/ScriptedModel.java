package io.mercato.assistant;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat server on loopback that replies from a script: tool calls, text, malformed bodies or
 * silence past the client's timeout. It keeps every request body it received so tests can read what the platform
 * sent the model.
 */
final class ScriptedModel {

    /** One scripted reply: a status and body, after a delay. */
    record Reply(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    private ScriptedModel(HttpServer server) {
        this.server = server;
    }

    static ScriptedModel start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScriptedModel model = new ScriptedModel(server);
            server.createContext("/v1/chat/completions", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    model.received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                Reply reply = model.script.poll();
                if (reply == null) {
                    reply = new Reply(500, "{\"error\":{\"message\":\"no reply scripted\"}}", 0);
                }
                if (reply.delayMillis() > 0) {
                    try {
                        Thread.sleep(reply.delayMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(reply.status(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (IOException clientGone) {
                    exchange.close();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return model;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void clear() {
        script.clear();
        received.clear();
    }

    List<String> received() {
        return List.copyOf(received);
    }

    ScriptedModel then(Reply reply) {
        script.add(reply);
        return this;
    }

    ScriptedModel thenToolCall(String name, String arguments) {
        String escaped = arguments.replace("\\", "\\\\").replace("\"", "\\\"");
        return then(new Reply(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"qwen-test","choices":[{"index":0,
                "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_%d","type":"function",
                "function":{"name":"%s","arguments":"%s"}}]},"finish_reason":"tool_calls"}],
                "usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}""".formatted(
                script.size() + 1, name, escaped), 0));
    }

    ScriptedModel thenText(String text) {
        return then(new Reply(200, """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"qwen-test","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":200,"completion_tokens":30,"total_tokens":230}}""".formatted(
                text.replace("\"", "\\\"")), 0));
    }
}
