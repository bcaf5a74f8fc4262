package io.mercato.addressbook.internal;

import io.mercato.addressbook.AddressBook;
import io.mercato.addressbook.AddressDraft;
import io.mercato.addressbook.Region;
import io.mercato.addressbook.Regions;
import io.mercato.addressbook.SavedAddress;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultAddressBook implements AddressBook {

    /** A mainland mobile number: 11 digits starting 13–19, optionally after +86 and with spaces or dashes. */
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ANY_PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");
    private static final Pattern CN_POSTCODE = Pattern.compile("[0-9]{6}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9A-Za-z -]{2,12}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;

    DefaultAddressBook(JdbcClient jdbc, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** A draft checked and completed: names from the region list for China, the phone in its plain form. */
    private record Checked(String recipient, String phone, String country, @Nullable String provinceCode,
            @Nullable String cityCode, @Nullable String districtCode, @Nullable String province, String city,
            @Nullable String district, String detail, @Nullable String postalCode) {
    }

    @Override
    public List<SavedAddress> list(Actor buyer) {
        buyer.require(Role.BUYER);
        return jdbc.sql(SELECT + " WHERE buyer_id = ? ORDER BY is_default DESC, updated_at DESC, id DESC")
                .param(buyer.accountId()).query(DefaultAddressBook::row).list();
    }

    @Override
    public SavedAddress get(Actor buyer, long addressId) {
        buyer.require(Role.BUYER);
        return jdbc.sql(SELECT + " WHERE id = ? AND buyer_id = ?").params(addressId, buyer.accountId())
                .query(DefaultAddressBook::row).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("addressbook.notFound", addressId)));
    }

    @Override
    @Transactional
    public SavedAddress add(Actor buyer, AddressDraft draft) {
        buyer.require(Role.BUYER);
        Checked address = check(draft);
        lockBook(buyer);
        long count = jdbc.sql("SELECT count(*) FROM addressbook.addresses WHERE buyer_id = ?")
                .param(buyer.accountId()).query(Long.class).single();
        if (count >= MAX_ADDRESSES) {
            throw new ConflictException(Text.of("addressbook.full", MAX_ADDRESSES));
        }
        boolean makeDefault = count == 0 || Boolean.TRUE.equals(draft.makeDefault());
        if (makeDefault) {
            clearDefault(buyer);
        }
        long id = jdbc.sql("""
                INSERT INTO addressbook.addresses (buyer_id, recipient, phone, country, province_code, city_code,
                    district_code, province, city, district, detail, postal_code, is_default, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(buyer.accountId(), address.recipient(), address.phone(), address.country(),
                        address.provinceCode(), address.cityCode(), address.districtCode(), address.province(),
                        address.city(), address.district(), address.detail(), address.postalCode(), makeDefault,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return get(buyer, id);
    }

    @Override
    @Transactional
    public SavedAddress update(Actor buyer, long addressId, AddressDraft draft) {
        SavedAddress existing = get(buyer, addressId);
        Checked address = check(draft);
        lockBook(buyer);
        if (Boolean.TRUE.equals(draft.makeDefault()) && !existing.isDefault()) {
            clearDefault(buyer);
        }
        jdbc.sql("""
                UPDATE addressbook.addresses SET recipient = ?, phone = ?, country = ?, province_code = ?, city_code = ?,
                    district_code = ?, province = ?, city = ?, district = ?, detail = ?, postal_code = ?,
                    is_default = is_default OR ?, updated_at = ?
                WHERE id = ? AND buyer_id = ?""")
                .params(address.recipient(), address.phone(), address.country(), address.provinceCode(),
                        address.cityCode(), address.districtCode(), address.province(), address.city(),
                        address.district(), address.detail(), address.postalCode(),
                        Boolean.TRUE.equals(draft.makeDefault()), Timestamp.from(clock.instant()), addressId,
                        buyer.accountId())
                .update();
        return get(buyer, addressId);
    }

    @Override
    @Transactional
    public void delete(Actor buyer, long addressId) {
        SavedAddress existing = get(buyer, addressId);
        lockBook(buyer);
        jdbc.sql("DELETE FROM addressbook.addresses WHERE id = ? AND buyer_id = ?")
                .params(addressId, buyer.accountId()).update();
        if (existing.isDefault()) {
            jdbc.sql("""
                    UPDATE addressbook.addresses SET is_default = true WHERE id = (
                        SELECT id FROM addressbook.addresses WHERE buyer_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1)""")
                    .param(buyer.accountId()).update();
        }
    }

    @Override
    @Transactional
    public SavedAddress makeDefault(Actor buyer, long addressId) {
        get(buyer, addressId);
        lockBook(buyer);
        clearDefault(buyer);
        jdbc.sql("UPDATE addressbook.addresses SET is_default = true WHERE id = ? AND buyer_id = ?")
                .params(addressId, buyer.accountId()).update();
        return get(buyer, addressId);
    }

    /** One writer per book at a time, so the count limit and the single default hold under concurrent requests. */
    private void lockBook(Actor buyer) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('addressbook'), ?)").param((int) buyer.accountId())
                .query((rs, n) -> 1).list();
    }

    private void clearDefault(Actor buyer) {
        jdbc.sql("UPDATE addressbook.addresses SET is_default = false WHERE buyer_id = ? AND is_default")
                .param(buyer.accountId()).update();
    }

    private Checked check(AddressDraft draft) {
        String recipient = required("recipient", draft.recipient(), 50);
        String country = draft.country() == null || draft.country().isBlank() ? "CN"
                : draft.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException("country", Text.of("addressbook.country.invalid", country));
        }
        String rawPhone = required("phone", draft.phone(), 30);
        String detail = required("detail", draft.detail(), 200);
        String postalCode = draft.postalCode() == null || draft.postalCode().isBlank() ? null : draft.postalCode().strip();
        if (country.equals("CN")) {
            String phone = rawPhone.replaceAll("[\\s-]", "").replaceFirst("^(\\+86|0086)", "");
            if (!CN_MOBILE.matcher(phone).matches()) {
                throw new InvalidInputException("phone", Text.of("addressbook.phone.cnMobile", rawPhone));
            }
            if (postalCode != null && !CN_POSTCODE.matcher(postalCode).matches()) {
                throw new InvalidInputException("postalCode", Text.of("addressbook.postalCode.cn", postalCode));
            }
            Region province = region("provinceCode", draft.provinceCode(), null);
            Region city = region("cityCode", draft.cityCode(), province.code());
            Region district = null;
            if (!regions.children(city.code()).isEmpty() || draft.districtCode() != null && !draft.districtCode().isBlank()) {
                district = region("districtCode", draft.districtCode(), city.code());
            }
            return new Checked(recipient, phone, country, province.code(), city.code(),
                    district == null ? null : district.code(), province.name(), city.name(),
                    district == null ? null : district.name(), detail, postalCode);
        }
        if (!ANY_PHONE.matcher(rawPhone).matches()) {
            throw new InvalidInputException("phone", Text.of("addressbook.phone.invalid", rawPhone));
        }
        if (postalCode != null && !POSTCODE.matcher(postalCode).matches()) {
            throw new InvalidInputException("postalCode", Text.of("addressbook.postalCode.invalid", postalCode));
        }
        String city = required("city", draft.city(), 100);
        String province = optional("province", draft.province(), 100);
        String district = optional("district", draft.district(), 100);
        return new Checked(recipient, rawPhone.strip(), country, null, null, null, province, city, district, detail,
                postalCode);
    }

    /** A region by code, which must lie inside {@code parent} (a province has none). */
    private Region region(String field, @Nullable String code, @Nullable String parent) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, Text.of("addressbook.region.required"));
        }
        Region region = regions.find(code.strip()).orElseThrow(
                () -> new InvalidInputException(field, Text.of("addressbook.region.unknown", code)));
        if (!Objects.equals(region.parentCode(), parent)) {
            throw new InvalidInputException(field, Text.of("addressbook.region.outside", code));
        }
        return region;
    }

    private static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Text.of("addressbook.field.required"));
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, Text.of("addressbook.field.tooLong", max));
        }
        return value.strip();
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, max);
    }

    private static final String SELECT = """
            SELECT id, buyer_id, recipient, phone, country, province_code, city_code, district_code, province, city,
                   district, detail, postal_code, is_default, updated_at FROM addressbook.addresses""";

    private static SavedAddress row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SavedAddress(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getTimestamp(15).toInstant());
    }
}
