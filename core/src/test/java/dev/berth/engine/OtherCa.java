package dev.berth.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A client certificate (cert.pem, key.pem) signed by a throwaway CA that no engine trusts, made with openssl. */
final class OtherCa {
    private OtherCa() {
    }

    static void writeClientCertificate(Path dir) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=not the engine's CA", "-keyout", "other-ca-key.pem", "-out", "other-ca.pem");
        run(dir, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=stranger",
                "-keyout", "key.pem", "-out", "client.csr");
        run(dir, "openssl", "x509", "-req", "-in", "client.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca-key.pem",
                "-CAcreateserial", "-days", "1", "-out", "cert.pem");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
