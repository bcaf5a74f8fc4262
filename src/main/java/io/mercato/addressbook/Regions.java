package io.mercato.addressbook;

import java.util.List;
import java.util.Optional;

/** The region list shipped with the platform ({@code regions/cn-regions.tsv}): read once, never changed at run time. */
public interface Regions {

    List<Region> provinces();

    /** The cities of a province or the districts of a city, by code; empty for a district or an unknown code. */
    List<Region> children(String code);

    Optional<Region> find(String code);
}
