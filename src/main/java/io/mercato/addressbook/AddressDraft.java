package io.mercato.addressbook;

import org.jspecify.annotations.Nullable;

/**
 * What a buyer fills in. For {@code country} CN (the default), the province, city and district are given by code
 * and the phone must be a Chinese mobile number; for any other country, by name.
 */
public record AddressDraft(@Nullable String recipient, @Nullable String phone, @Nullable String country,
        @Nullable String provinceCode, @Nullable String cityCode, @Nullable String districtCode,
        @Nullable String province, @Nullable String city, @Nullable String district, @Nullable String detail,
        @Nullable String postalCode, @Nullable Boolean makeDefault) {
}
