package io.mercato.ads.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks click links with HMAC-SHA256. The key is 32 random bytes generated once, by the first instance
 * to start, and kept in {@code ads.signing_keys}, so every instance checks the links any other signed.
 */
@Component
final class ClickSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    ClickSigner(JdbcClient jdbc, Clock clock) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO ads.signing_keys (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(fresh, Timestamp.from(clock.instant())).update();
        byte[] secret = jdbc.sql("SELECT secret FROM ads.signing_keys WHERE id = 1").query(byte[].class).single();
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The link's fields in a fixed order; the signature covers exactly these. */
    static String payload(long auctionId, long campaignId, int position, long priceMinor, String viewer, long expiresAt) {
        return auctionId + "|" + campaignId + "|" + position + "|" + priceMinor + "|" + viewer + "|" + expiresAt;
    }

    String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** Whether the signature is this key's for the payload, compared in constant time. */
    boolean verify(String payload, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(payload), given);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
