package dev.berth.wait;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away self-signed certificate and key, as PEM, for a TLS server in a test container. */
record SelfSignedTls(byte[] certificatePem, byte[] keyPem) {
    static SelfSignedTls create() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair kp = gen.generateKeyPair();
        X500Name dn = new X500Name("CN=localhost");
        long now = System.currentTimeMillis();
        byte[] cert = new JcaX509v3CertificateBuilder(dn, BigInteger.valueOf(now), new Date(now - 86_400_000L),
                new Date(now + 86_400_000L), dn, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())).getEncoded();
        return new SelfSignedTls(pem("CERTIFICATE", cert), pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
