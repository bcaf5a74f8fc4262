package io.mercato.addressbook.internal;

import io.mercato.addressbook.Region;
import io.mercato.addressbook.Regions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The region list read from {@code regions/cn-regions.tsv} on the class path, in the file's order (by code). */
@Component
final class ShippedRegions implements Regions {

    static final String RESOURCE = "/regions/cn-regions.tsv";

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, List<Region>> children = new HashMap<>();
    private final List<Region> provinces = new ArrayList<>();

    ShippedRegions() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ShippedRegions.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Region region = new Region(cells[0], cells[1], cells[2].isEmpty() ? null : cells[2]);
                byCode.put(region.code(), region);
                if (region.parentCode() == null) {
                    provinces.add(region);
                } else {
                    children.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Region> provinces() {
        return List.copyOf(provinces);
    }

    @Override
    public List<Region> children(String code) {
        return List.copyOf(children.getOrDefault(code, List.of()));
    }

    @Override
    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
