package io.mercato.instant.internal.dispatch;

/** A place on a plane or on the globe: {@code x} is the latitude and {@code y} the longitude for geographic metrics. */
public record Point(double x, double y) {
}
