package io.mercato.fulfillment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a carrier signs a tracking webhook: HMAC-SHA256 with its secret over the timestamp header (seconds since
 * the epoch), a dot and the raw body, in lower-case hex, sent as {@value #SIGNATURE_HEADER} beside
 * {@value #TIMESTAMP_HEADER}.
 */
public final class TrackingSignature {

    public static final String TIMESTAMP_HEADER = "Mercato-Timestamp";
    public static final String SIGNATURE_HEADER = "Mercato-Signature";

    private TrackingSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about the expected signature. */
    public static boolean matches(String secret, long timestamp, byte[] body, String signature) {
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
