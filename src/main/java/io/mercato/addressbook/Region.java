package io.mercato.addressbook;

import org.jspecify.annotations.Nullable;

/**
 * A province, prefecture-level city or county-level district of mainland China.
 *
 * @param code its six-digit GB/T 2260 code: {@code 330000} Zhejiang, {@code 330100} Hangzhou, {@code 330106} Xihu
 * @param parentCode the province of a city, the city of a district; null for a province
 */
public record Region(String code, String name, @Nullable String parentCode) {
}
