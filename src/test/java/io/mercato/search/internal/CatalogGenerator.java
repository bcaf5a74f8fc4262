package io.mercato.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, Taobao-like catalog for the search benchmark: product types under root categories, each
 * with English and Chinese nouns, brands with both names, modifiers, colours, sizes and price ranges. Titles
 * are Chinese (unspaced, as sellers write them), English, or mixed. The generator remembers each product's
 * type, brand and colours, which is what the judged queries are judged against.
 */
final class CatalogGenerator {

    record Type(String root, String rootZh, String name, String nameZh, String[] en, String[] zh, String[] brands,
            long minPrice, long maxPrice, String sizeKind) {
    }

    record Brand(String en, String zh) {
        String stored() {
            return en + "/" + zh;
        }
    }

    static final Brand[] BRANDS = {
            new Brand("Apple", "苹果"), new Brand("Huawei", "华为"), new Brand("Xiaomi", "小米"), new Brand("Samsung", "三星"),
            new Brand("OPPO", "欧珀"), new Brand("vivo", "维沃"), new Brand("Anker", "安克"), new Brand("Ugreen", "绿联"),
            new Brand("Sony", "索尼"), new Brand("Bose", "博士"), new Brand("Lenovo", "联想"), new Brand("Dell", "戴尔"),
            new Brand("HP", "惠普"), new Brand("Asus", "华硕"), new Brand("Logitech", "罗技"), new Brand("Razer", "雷蛇"),
            new Brand("LG", "乐金"), new Brand("Uniqlo", "优衣库"), new Brand("Zara", "飒拉"), new Brand("Peacebird", "太平鸟"),
            new Brand("Bosideng", "波司登"), new Brand("Semir", "森马"), new Brand("Levis", "李维斯"), new Brand("Nike", "耐克"),
            new Brand("Adidas", "阿迪达斯"), new Brand("Li-Ning", "李宁"), new Brand("Anta", "安踏"), new Brand("New Balance", "新百伦"),
            new Brand("Dr Martens", "马丁博士"), new Brand("Loreal", "欧莱雅"), new Brand("Dior", "迪奥"), new Brand("Estee Lauder", "雅诗兰黛"),
            new Brand("Pantene", "潘婷"), new Brand("Gree", "格力"), new Brand("Midea", "美的"), new Brand("Haier", "海尔"),
            new Brand("Siemens", "西门子"), new Brand("Supor", "苏泊尔"), new Brand("Joyoung", "九阳"), new Brand("Dyson", "戴森"),
            new Brand("Ecovacs", "科沃斯"), new Brand("Tenfu", "天福"), new Brand("Starbucks", "星巴克"), new Brand("Nestle", "雀巢"),
            new Brand("Three Squirrels", "三只松鼠"), new Brand("Yili", "伊利"), new Brand("Mengniu", "蒙牛"), new Brand("Thermos", "膳魔师"),
            new Brand("Fuanna", "富安娜"), new Brand("Zwilling", "双立人"), new Brand("Decathlon", "迪卡侬"), new Brand("Keep", "开普"),
            new Brand("Giant", "捷安特"), new Brand("Naturehike", "挪客"), new Brand("Pampers", "帮宝适"), new Brand("Huggies", "好奇"),
            new Brand("LEGO", "乐高"), new Brand("Bandai", "万代")};

    static final List<Type> TYPES = List.of(
            type("Phones & Digital", "手机数码", "Phones", "手机", "Smartphone|Mobile Phone|5G Phone", "手机|智能手机|5G手机", "Apple|Huawei|Xiaomi|Samsung|OPPO|vivo", 99_900, 999_900, "storage"),
            type("Phones & Digital", "手机数码", "Phone cases", "手机壳", "Phone Case|Protective Case", "手机壳|保护套", "Apple|Huawei|Xiaomi|Samsung|Ugreen", 990, 9_900, "model"),
            type("Phones & Digital", "手机数码", "Chargers", "充电器", "Charger|Fast Charger|USB-C Charger", "充电器|快充头", "Anker|Ugreen|Xiaomi|Huawei", 2_900, 19_900, ""),
            type("Phones & Digital", "手机数码", "Headphones", "耳机", "Wireless Headphones|Earbuds|Bluetooth Earphones", "蓝牙耳机|无线耳机|降噪耳机", "Sony|Apple|Huawei|Xiaomi|Bose", 9_900, 299_900, ""),
            type("Phones & Digital", "手机数码", "Tablets", "平板电脑", "Tablet|Android Tablet", "平板电脑|平板", "Apple|Huawei|Xiaomi|Lenovo|Samsung", 99_900, 899_900, "storage"),
            type("Phones & Digital", "手机数码", "Smart watches", "智能手表", "Smart Watch|Fitness Tracker", "智能手表|运动手环", "Apple|Huawei|Xiaomi|Samsung", 9_900, 399_900, ""),
            type("Computers & Office", "电脑办公", "Laptops", "笔记本电脑", "Laptop|Notebook Computer|Gaming Laptop", "笔记本电脑|轻薄本|游戏本", "Lenovo|Apple|Huawei|Dell|HP|Asus", 299_900, 1_999_900, "storage"),
            type("Computers & Office", "电脑办公", "Keyboards", "键盘", "Mechanical Keyboard|Wireless Keyboard", "机械键盘|无线键盘", "Logitech|Razer", 9_900, 99_900, ""),
            type("Computers & Office", "电脑办公", "Mice", "鼠标", "Wireless Mouse|Gaming Mouse", "无线鼠标|游戏鼠标", "Logitech|Razer|Xiaomi", 4_900, 59_900, ""),
            type("Computers & Office", "电脑办公", "Monitors", "显示器", "Monitor|4K Monitor", "显示器|4K显示器", "Dell|Samsung|LG", 69_900, 499_900, ""),
            type("Women's clothing", "女装", "Dresses", "连衣裙", "Dress|Maxi Dress|Floral Dress", "连衣裙|碎花裙|长裙", "Uniqlo|Zara|Peacebird", 5_900, 59_900, "clothes"),
            type("Women's clothing", "女装", "Coats", "外套", "Down Jacket|Wool Coat", "羽绒服|毛呢大衣", "Bosideng|Uniqlo|Zara", 29_900, 299_900, "clothes"),
            type("Women's clothing", "女装", "Sweaters", "毛衣", "Knit Sweater|Cardigan", "针织衫|毛衣|开衫", "Uniqlo|Zara|Peacebird", 9_900, 69_900, "clothes"),
            type("Men's clothing", "男装", "T-shirts", "T恤", "T-Shirt|Cotton Tee", "T恤|纯棉短袖", "Uniqlo|Semir|Nike|Adidas", 2_900, 19_900, "clothes"),
            type("Men's clothing", "男装", "Jeans", "牛仔裤", "Jeans|Denim Pants", "牛仔裤|直筒牛仔裤", "Levis|Uniqlo|Semir", 9_900, 79_900, "clothes"),
            type("Men's clothing", "男装", "Shirts", "衬衫", "Shirt|Oxford Shirt", "衬衫|牛津纺衬衫", "Uniqlo|Semir|Peacebird", 7_900, 49_900, "clothes"),
            type("Shoes", "鞋靴", "Running shoes", "跑步鞋", "Running Shoes|Trainers", "跑步鞋|跑鞋", "Nike|Adidas|Li-Ning|Anta|New Balance", 19_900, 149_900, "shoes"),
            type("Shoes", "鞋靴", "Sneakers", "运动鞋", "Sneakers|Canvas Shoes", "运动鞋|板鞋|帆布鞋", "Nike|Adidas|Li-Ning|Anta", 9_900, 99_900, "shoes"),
            type("Shoes", "鞋靴", "Boots", "靴子", "Boots|Chelsea Boots", "靴子|马丁靴", "Dr Martens|Semir", 19_900, 199_900, "shoes"),
            type("Beauty", "美妆", "Lipstick", "口红", "Lipstick|Matte Lipstick", "口红|唇膏", "Loreal|Dior|Estee Lauder", 9_900, 49_900, ""),
            type("Beauty", "美妆", "Skincare", "护肤", "Face Cream|Moisturizer|Serum", "面霜|保湿霜|精华液", "Loreal|Estee Lauder|Dior", 9_900, 199_900, ""),
            type("Beauty", "美妆", "Shampoo", "洗发水", "Shampoo|Anti-Dandruff Shampoo", "洗发水|去屑洗发水", "Pantene|Loreal", 1_990, 12_900, ""),
            type("Home appliances", "家电", "Air conditioners", "空调", "Air Conditioner|Inverter Air Conditioner", "空调|变频空调", "Gree|Midea|Haier", 199_900, 899_900, ""),
            type("Home appliances", "家电", "Refrigerators", "冰箱", "Refrigerator|Fridge", "冰箱|双开门冰箱", "Haier|Midea|Siemens", 149_900, 1_299_900, ""),
            type("Home appliances", "家电", "Rice cookers", "电饭煲", "Rice Cooker|Smart Rice Cooker", "电饭煲|智能电饭煲", "Midea|Supor|Joyoung", 9_900, 99_900, ""),
            type("Home appliances", "家电", "Vacuum cleaners", "吸尘器", "Vacuum Cleaner|Robot Vacuum", "吸尘器|扫地机器人", "Dyson|Xiaomi|Ecovacs", 49_900, 599_900, ""),
            type("Food & drink", "食品饮料", "Tea", "茶叶", "Green Tea|Oolong Tea|Pu'er Tea", "绿茶|乌龙茶|普洱茶", "Tenfu", 2_900, 99_900, ""),
            type("Food & drink", "食品饮料", "Coffee", "咖啡", "Coffee Beans|Instant Coffee", "咖啡豆|速溶咖啡", "Starbucks|Nestle", 2_900, 29_900, ""),
            type("Food & drink", "食品饮料", "Snacks", "零食", "Mixed Nuts|Snack Gift Box", "坚果|零食大礼包", "Three Squirrels", 1_990, 19_900, ""),
            type("Food & drink", "食品饮料", "Dairy", "乳品", "Milk|Yogurt", "牛奶|酸奶", "Yili|Mengniu", 2_990, 12_900, ""),
            type("Home & kitchen", "家居厨具", "Water bottles", "保温杯", "Water Bottle|Vacuum Flask", "保温杯|水杯", "Thermos|Supor", 2_900, 29_900, ""),
            type("Home & kitchen", "家居厨具", "Bedding", "床品", "Bedding Set|Duvet", "四件套|被子", "Fuanna", 9_900, 99_900, ""),
            type("Home & kitchen", "家居厨具", "Cookware", "锅具", "Frying Pan|Wok", "炒锅|平底锅", "Supor|Zwilling", 4_900, 99_900, ""),
            type("Sports & outdoors", "运动户外", "Yoga mats", "瑜伽垫", "Yoga Mat|Exercise Mat", "瑜伽垫|健身垫", "Decathlon|Keep", 2_900, 29_900, ""),
            type("Sports & outdoors", "运动户外", "Bicycles", "自行车", "Bicycle|Mountain Bike", "自行车|山地车", "Giant|Decathlon", 99_900, 999_900, ""),
            type("Sports & outdoors", "运动户外", "Tents", "帐篷", "Camping Tent|Beach Tent", "帐篷|露营帐篷", "Naturehike|Decathlon", 9_900, 199_900, ""),
            type("Baby & toys", "母婴玩具", "Diapers", "纸尿裤", "Diapers|Baby Diapers", "纸尿裤|尿不湿", "Pampers|Huggies", 4_900, 29_900, "baby"),
            type("Baby & toys", "母婴玩具", "Toys", "玩具", "Building Blocks|Toy Car", "积木|玩具车", "LEGO|Bandai", 4_900, 199_900, ""));

    static final String[][] MODIFIERS = {{"Lightweight", "轻便"}, {"Breathable", "透气"}, {"Waterproof", "防水"},
            {"Portable", "便携"}, {"Premium", "高端"}, {"New 2026", "2026新款"}, {"Classic", "经典"}, {"Slim", "修身"},
            {"Large Capacity", "大容量"}, {"Official", "官方正品"}, {"Summer", "夏季"}, {"Winter", "冬季"},
            {"Kids", "儿童"}, {"Mens", "男士"}, {"Womens", "女士"}, {"Gift", "礼盒装"}};
    static final String[][] COLOURS = {{"Black", "黑色"}, {"White", "白色"}, {"Red", "红色"}, {"Blue", "蓝色"},
            {"Green", "绿色"}, {"Pink", "粉色"}, {"Grey", "灰色"}, {"Gold", "金色"}};
    static final String[] STORAGE = {"128GB", "256GB", "512GB", "1TB"};
    static final String[] CLOTHES = {"S", "M", "L", "XL", "XXL"};
    static final String[] SHOES = {"38", "39", "40", "41", "42", "43", "44"};

    private static Type type(String root, String rootZh, String name, String nameZh, String en, String zh, String brands,
            long min, long max, String sizeKind) {
        return new Type(root, rootZh, name, nameZh, en.split("\\|"), zh.split("\\|"), brands.split("\\|"), min, max, sizeKind);
    }

    static int brandIndex(String en) {
        for (int i = 0; i < BRANDS.length; i++) {
            if (BRANDS[i].en().equals(en)) {
                return i;
            }
        }
        throw new IllegalArgumentException(en);
    }

    /** One generated product. {@code colours} is a bit set over {@link #COLOURS}. */
    record Generated(int type, int brand, int colours, String title, List<Sku> skus, int sales, int ageDays) {
    }

    record Sku(String colour, String size, long priceMinor, int stock) {
    }

    private final Random random;

    CatalogGenerator(long seed) {
        this.random = new Random(seed);
    }

    Generated next() {
        int typeIndex = random.nextInt(TYPES.size());
        Type type = TYPES.get(typeIndex);
        String brandName = type.brands()[random.nextInt(type.brands().length)];
        int brand = brandIndex(brandName);
        Brand b = BRANDS[brand];
        int noun = random.nextInt(type.en().length);
        int nounZh = random.nextInt(type.zh().length);
        String[] m1 = MODIFIERS[random.nextInt(MODIFIERS.length)];
        String[] m2 = MODIFIERS[random.nextInt(MODIFIERS.length)];
        int skuCount = 1 + random.nextInt(3);
        int colours = 0;
        List<Sku> skus = new ArrayList<>(skuCount);
        long base = type.minPrice() + (long) (Math.pow(random.nextDouble(), 2) * (type.maxPrice() - type.minPrice()));
        base = base / 100 * 100 + 99;
        for (int i = 0; i < skuCount; i++) {
            int colour = random.nextInt(COLOURS.length);
            colours |= 1 << colour;
            String size = switch (type.sizeKind()) {
                case "storage" -> STORAGE[random.nextInt(STORAGE.length)];
                case "clothes" -> CLOTHES[random.nextInt(CLOTHES.length)];
                case "shoes" -> SHOES[random.nextInt(SHOES.length)];
                default -> "";
            };
            int stock = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(500);
            skus.add(new Sku(COLOURS[colour][0], size, base + i * 1_000L, stock));
        }
        String[] colour = COLOURS[Integer.numberOfTrailingZeros(colours)];
        String model = random.nextInt(3) == 0 ? " " + (char) ('A' + random.nextInt(26)) + (1 + random.nextInt(99)) : "";
        int language = random.nextInt(100);
        String title;
        if (language < 40) {
            title = b.zh() + m1[1] + m2[1] + type.zh()[nounZh] + colour[1];
        } else if (language < 75) {
            title = b.en() + model + " " + m1[0] + " " + type.en()[noun] + " " + colour[0];
        } else {
            title = b.en() + model + " " + type.zh()[nounZh] + " " + m1[1] + " " + colour[1];
        }
        // Sales follow a long tail: most products sell little, a few sell a lot.
        int sales = (int) Math.min(100_000, Math.floor(Math.pow(random.nextDouble(), 6) * 20_000));
        return new Generated(typeIndex, brand, colours, title, skus, sales, random.nextInt(365));
    }
}
