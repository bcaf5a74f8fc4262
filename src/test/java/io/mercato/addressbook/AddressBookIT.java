package io.mercato.addressbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.membership.MembershipFixture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A buyer's address book over the API: Chinese addresses from the shipped region list with mobile numbers checked,
 * addresses abroad in free text, one default, nobody else's addresses, refusals naming their field.
 */
@MercatoTest
public class AddressBookIT {

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    /** 浙江省 杭州市 西湖区. */
    public static Map<String, Object> hangzhou() {
        Map<String, Object> address = new HashMap<>();
        address.put("recipient", "李雷");
        address.put("phone", "+86 138-0013-8000");
        address.put("provinceCode", "330000");
        address.put("cityCode", "330100");
        address.put("districtCode", "330106");
        address.put("detail", "文三路 1 号 3 幢 1201 室");
        address.put("postalCode", "310012");
        return address;
    }

    private static Map<String, Object> with(Map<String, Object> address, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(address);
        changed.put(field, value);
        return changed;
    }

    private static String refusedField(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void theRegionListHoldsEveryProvinceItsCitiesAndTheMainCitiesDistricts() {
        Api anyone = market.anonymous();
        JsonNode provinces = anyone.get("/api/v1/regions").json();
        assertThat(provinces).hasSize(31);
        assertThat(provinces).extracting(p -> p.get("name").asString()).contains("北京市", "浙江省", "新疆维吾尔自治区");
        JsonNode zhejiang = anyone.get("/api/v1/regions/330000/children").json();
        assertThat(zhejiang).extracting(c -> c.get("name").asString()).hasSize(11).contains("杭州市", "宁波市", "温州市");
        assertThat(anyone.get("/api/v1/regions/330100/children").json()).extracting(d -> d.get("code").asString())
                .contains("330106", "330102");
        assertThat(anyone.get("/api/v1/regions/440300/children").json()).as("Shenzhen's districts").hasSizeGreaterThan(5);
        assertThat(anyone.get("/api/v1/regions/999999/children").status()).isEqualTo(404);
    }

    @Test
    void aBuyerKeepsChineseAndForeignAddressesWithOneDefault() {
        Api buyer = market.buyer(0);

        Api.Response first = buyer.create("/api/v1/addresses", hangzhou());
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        JsonNode saved = first.json();
        assertThat(saved.get("province").asString()).isEqualTo("浙江省");
        assertThat(saved.get("city").asString()).isEqualTo("杭州市");
        assertThat(saved.get("district").asString()).isEqualTo("西湖区");
        assertThat(saved.get("phone").asString()).as("kept in its plain form").isEqualTo("13800138000");
        assertThat(saved.get("isDefault").asBoolean()).as("the first address is the default").isTrue();

        Map<String, Object> london = new HashMap<>(Map.of("recipient", "Han Meimei", "phone", "+44 20 7946 0958",
                "country", "gb", "city", "London", "detail", "221B Baker Street", "postalCode", "NW1 6XE"));
        JsonNode abroad = buyer.create("/api/v1/addresses", london).json();
        assertThat(abroad.get("country").asString()).isEqualTo("GB");
        assertThat(abroad.get("isDefault").asBoolean()).isFalse();

        Api.Response made = buyer.post("/api/v1/addresses/" + abroad.get("id").asLong() + "/default", null);
        assertThat(made.status()).as("%s", made).isEqualTo(200);
        JsonNode book = buyer.get("/api/v1/addresses").json();
        assertThat(book).hasSize(2);
        assertThat(book.get(0).get("id").asLong()).as("the default first").isEqualTo(abroad.get("id").asLong());
        assertThat(book).filteredOn(a -> a.get("isDefault").asBoolean()).hasSize(1);

        Api.Response edited = buyer.put("/api/v1/addresses/" + saved.get("id").asLong(),
                with(with(hangzhou(), "cityCode", "330200"), "districtCode", "330203"));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("city").asString()).isEqualTo("宁波市");

        assertThat(buyer.delete("/api/v1/addresses/" + abroad.get("id").asLong()).status()).isEqualTo(204);
        JsonNode left = buyer.get("/api/v1/addresses").json();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("isDefault").asBoolean()).as("deleting the default passes it on").isTrue();

        Api other = market.buyer(0);
        assertThat(other.get("/api/v1/addresses/" + saved.get("id").asLong()).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/addresses/" + saved.get("id").asLong()).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/addresses").json()).isEmpty();
        assertThat(market.seller("TAOBAO").api().get("/api/v1/addresses").status()).isEqualTo(403);
    }

    @Test
    void badInputNamesTheFieldInTheReadersLanguageAndSavesNothing() {
        Api buyer = market.buyer(0);
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "phone", "010-12345678"))))
                .as("a landline is not a mobile").isEqualTo("phone");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "phone", "12800138000"))))
                .isEqualTo("phone");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "cityCode", "440100"))))
                .as("Guangzhou is not in Zhejiang").isEqualTo("cityCode");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "districtCode", "440305"))))
                .isEqualTo("districtCode");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "districtCode", null))))
                .as("Hangzhou has districts: one must be chosen").isEqualTo("districtCode");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "provinceCode", "123456"))))
                .isEqualTo("provinceCode");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "postalCode", "31001"))))
                .isEqualTo("postalCode");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "recipient", " "))))
                .isEqualTo("recipient");
        assertThat(refusedField(buyer.create("/api/v1/addresses", with(hangzhou(), "country", "China"))))
                .isEqualTo("country");

        Api.Response chinese = buyer.in("zh-CN").create("/api/v1/addresses", with(hangzhou(), "phone", "12345"));
        assertThat(chinese.json().get("detail").asString()).isEqualTo("“12345”不是中国大陆手机号（以 13–19 开头的 11 位数字）");
        assertThat(buyer.get("/api/v1/addresses").json()).as("nothing saved").isEmpty();
    }
}
