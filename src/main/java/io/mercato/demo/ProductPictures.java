package io.mercato.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The demo's product pictures, drawn with Java2D on the machine itself (no outside host): a studio backdrop with a
 * floor shadow and the product type's silhouette, shaded, in one of a few colourways. Same inputs, same PNG.
 */
final class ProductPictures {

    static final int SIDE = 600;

    /** Colourways: the product's body colour and the backdrop's tint. */
    private static final Color[][] WAYS = {
            {new Color(0x2B2D42), new Color(0xEEF1F6)},
            {new Color(0xE76F51), new Color(0xFBF1EA)},
            {new Color(0x2A9D8F), new Color(0xEAF6F3)},
            {new Color(0x6D597A), new Color(0xF3EEF5)},
            {new Color(0xE9C46A), new Color(0xF8F4E6)},
    };

    private ProductPictures() {
    }

    /** A JPEG of the product type named by the English noun ("Phone Case"), in colourway {@code way}. */
    static byte[] jpeg(String noun, int way) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Color body = WAYS[Math.floorMod(way, WAYS.length)][0];
            Color tint = WAYS[Math.floorMod(way, WAYS.length)][1];
            backdrop(g, tint);
            draw(g, noun.toLowerCase(Locale.ROOT), body);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void backdrop(Graphics2D g, Color tint) {
        g.setPaint(new GradientPaint(0, 0, Color.WHITE, 0, SIDE, tint));
        g.fillRect(0, 0, SIDE, SIDE);
        g.setPaint(new RadialGradientPaint(300, 505, 200, new float[] {0f, 1f},
                new Color[] {new Color(0, 0, 0, 70), new Color(0, 0, 0, 0)}));
        g.fill(new Ellipse2D.Double(100, 470, 400, 70));
    }

    private static void draw(Graphics2D g, String noun, Color c) {
        if (noun.contains("smartphone")) {
            phone(g, new Color(0x1C1C1E), true);
        } else if (noun.contains("case")) {
            phone(g, c, false);
        } else if (noun.contains("power bank")) {
            slab(g, 190, 140, 220, 360, 40, c);
            dots(g, 250, 420, 4, Color.WHITE);
        } else if (noun.contains("earbuds")) {
            earbuds(g, c);
        } else if (noun.contains("charger")) {
            slab(g, 210, 220, 180, 220, 36, new Color(0xF5F5F5));
            fill(g, new Rectangle2D.Double(250, 150, 26, 80), new Color(0xB0B0B0));
            fill(g, new Rectangle2D.Double(324, 150, 26, 80), new Color(0xB0B0B0));
            fill(g, new RoundRectangle2D.Double(275, 380, 50, 18, 6, 6), c);
        } else if (noun.contains("dress")) {
            dress(g, c);
        } else if (noun.contains("trousers")) {
            trousers(g, c);
        } else if (noun.contains("shirt") || noun.contains("cardigan") || noun.contains("jacket")
                || noun.contains("coat") || noun.contains("hoodie")) {
            top(g, c, noun);
        } else if (noun.contains("shoes") || noun.contains("sneakers") || noun.contains("boots")) {
            shoe(g, c, noun.contains("boots"));
        } else if (noun.contains("cream") || noun.contains("formula") || noun.contains("tea")) {
            jar(g, c, noun.contains("cream") ? 0.55 : 1.0);
        } else if (noun.contains("lipstick")) {
            lipstick(g, c);
        } else if (noun.contains("sunscreen")) {
            bottle(g, c);
        } else if (noun.contains("mask") || noun.contains("sheets") || noun.contains("diapers")) {
            stack(g, c);
        } else if (noun.contains("mug")) {
            mug(g, c);
        } else if (noun.contains("box") || noun.contains("rice cooker") || noun.contains("air fryer")) {
            appliance(g, c, noun);
        } else if (noun.contains("lamp")) {
            lamp(g, c);
        } else if (noun.contains("nuts") || noun.contains("rice")) {
            pouch(g, c);
        } else if (noun.contains("strawberries")) {
            strawberries(g);
        } else if (noun.contains("chocolate")) {
            chocolate(g);
        } else if (noun.contains("blocks")) {
            blocks(g, c);
        } else if (noun.contains("yoga")) {
            mat(g, c);
        } else if (noun.contains("tent")) {
            tent(g, c);
        } else if (noun.contains("racket")) {
            racket(g, c);
        } else if (noun.contains("helmet")) {
            helmet(g, c);
        } else if (noun.contains("keyboard")) {
            keyboard(g, c);
        } else if (noun.contains("mouse")) {
            mouse(g, c);
        } else if (noun.contains("monitor") || noun.contains("laptop")) {
            monitor(g, c, noun.contains("laptop"));
        } else if (noun.contains("vacuum")) {
            vacuum(g, c);
        } else if (noun.contains("kettle")) {
            kettle(g, c);
        } else {
            book(g, c);
        }
    }

    // --- shading helpers -------------------------------------------------------------------------------------------

    private static Paint shade(Shape shape, Color c) {
        Rectangle2D b = shape.getBounds2D();
        return new GradientPaint((float) b.getMinX(), (float) b.getMinY(), c.brighter(),
                (float) b.getMaxX(), (float) b.getMaxY(), c.darker());
    }

    private static void fill(Graphics2D g, Shape shape, Color c) {
        g.setPaint(shade(shape, c));
        g.fill(shape);
    }

    private static void gloss(Graphics2D g, Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        g.setPaint(new GradientPaint((float) b.getMinX(), (float) b.getMinY(), new Color(255, 255, 255, 90),
                (float) b.getCenterX(), (float) b.getCenterY(), new Color(255, 255, 255, 0)));
        g.fill(shape);
    }

    private static void outline(Graphics2D g, Shape shape, Color c, float width) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.draw(shape);
    }

    private static void slab(Graphics2D g, double x, double y, double w, double h, double r, Color c) {
        Shape s = new RoundRectangle2D.Double(x, y, w, h, r, r);
        fill(g, s, c);
        gloss(g, s);
    }

    private static void dots(Graphics2D g, double x, double y, int n, Color c) {
        g.setColor(c);
        for (int i = 0; i < n; i++) {
            g.fill(new Ellipse2D.Double(x + i * 26, y, 12, 12));
        }
    }

    // --- product types ---------------------------------------------------------------------------------------------

    private static void phone(Graphics2D g, Color body, boolean screen) {
        Shape s = new RoundRectangle2D.Double(195, 80, 210, 420, 56, 56);
        fill(g, s, body);
        if (screen) {
            Shape glass = new RoundRectangle2D.Double(207, 92, 186, 396, 44, 44);
            g.setPaint(new GradientPaint(207, 92, new Color(0x5B8DEF), 393, 488, new Color(0xB14EE0)));
            g.fill(glass);
            fill(g, new RoundRectangle2D.Double(270, 104, 60, 16, 16, 16), new Color(0x111111));
        } else {
            fill(g, new RoundRectangle2D.Double(220, 105, 90, 110, 30, 30), body.darker());
            g.setColor(new Color(0x222222));
            g.fill(new Ellipse2D.Double(232, 117, 34, 34));
            g.fill(new Ellipse2D.Double(232, 165, 34, 34));
            g.fill(new Ellipse2D.Double(274, 140, 26, 26));
        }
        gloss(g, s);
    }

    private static void earbuds(Graphics2D g, Color c) {
        Shape box = new RoundRectangle2D.Double(170, 300, 260, 180, 120, 120);
        fill(g, box, new Color(0xFAFAFA));
        outline(g, new Arc2D.Double(170, 300, 260, 120, 180, 180, Arc2D.OPEN), new Color(0xCCCCCC), 3);
        for (int side = 0; side < 2; side++) {
            double x = side == 0 ? 200 : 330;
            fill(g, new Ellipse2D.Double(x, 130, 80, 80), c);
            fill(g, new RoundRectangle2D.Double(x + (side == 0 ? 50 : 6), 190, 26, 110, 20, 20), new Color(0xF2F2F2));
        }
    }

    private static void dress(Graphics2D g, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(255, 90); p.lineTo(345, 90); p.lineTo(365, 150); p.lineTo(335, 250);
        p.quadTo(440, 400, 460, 490); p.lineTo(140, 490); p.quadTo(160, 400, 265, 250); p.lineTo(235, 150); p.closePath();
        fill(g, p, c);
        fill(g, new Rectangle2D.Double(262, 240, 76, 18), c.darker());
        gloss(g, p);
    }

    private static void top(Graphics2D g, Color c, String noun) {
        boolean longSleeves = !noun.contains("t-shirt");
        double sleeveEnd = longSleeves ? 420 : 250;
        Path2D p = new Path2D.Double();
        p.moveTo(240, 100); p.lineTo(170, 130); p.lineTo(90, sleeveEnd); p.lineTo(150, sleeveEnd + 15);
        p.lineTo(190, 230); p.lineTo(190, 480); p.lineTo(410, 480); p.lineTo(410, 230); p.lineTo(450, sleeveEnd + 15);
        p.lineTo(510, sleeveEnd); p.lineTo(430, 130); p.lineTo(360, 100); p.quadTo(300, 150, 240, 100); p.closePath();
        fill(g, p, c);
        gloss(g, p);
        if (noun.contains("hoodie")) {
            fill(g, new Ellipse2D.Double(240, 70, 120, 90), c.darker());
            fill(g, new RoundRectangle2D.Double(240, 360, 120, 60, 20, 20), c.darker());
        } else if (noun.contains("cardigan") || noun.contains("coat") || noun.contains("jacket") || noun.contains("linen")) {
            outline(g, new java.awt.geom.Line2D.Double(300, 130, 300, 480), c.darker().darker(), 4);
            dots(g, 308, 180, 1, new Color(0xEEEEEE));
            dots(g, 308, 260, 1, new Color(0xEEEEEE));
            dots(g, 308, 340, 1, new Color(0xEEEEEE));
            if (noun.contains("jacket")) {
                for (int y = 200; y < 480; y += 56) {
                    outline(g, new java.awt.geom.Line2D.Double(195, y, 405, y), c.darker(), 3);
                }
            }
        }
    }

    private static void trousers(Graphics2D g, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(210, 90); p.lineTo(390, 90); p.lineTo(420, 490); p.lineTo(320, 490); p.lineTo(300, 220);
        p.lineTo(280, 490); p.lineTo(180, 490); p.closePath();
        fill(g, p, c);
        fill(g, new Rectangle2D.Double(210, 90, 180, 28), c.darker());
        gloss(g, p);
    }

    private static void shoe(Graphics2D g, Color c, boolean boot) {
        Path2D p = new Path2D.Double();
        double top = boot ? 150 : 290;
        p.moveTo(150, top); p.lineTo(250, top); p.lineTo(270, 340); p.quadTo(420, 350, 480, 420);
        p.quadTo(490, 460, 460, 465); p.lineTo(130, 465); p.quadTo(115, 380, 150, top); p.closePath();
        fill(g, p, c);
        gloss(g, p);
        fill(g, new RoundRectangle2D.Double(120, 455, 370, 26, 20, 20), new Color(0xF4F1EA));
        if (!boot) {
            for (int i = 0; i < 4; i++) {
                outline(g, new java.awt.geom.Line2D.Double(250 + i * 22, 330 + i * 4, 275 + i * 22, 300 + i * 4), Color.WHITE, 5);
            }
        }
    }

    private static void jar(Graphics2D g, Color c, double tallness) {
        double h = 320 * tallness;
        double top = 480 - h;
        Shape body = new RoundRectangle2D.Double(190, top, 220, h, 30, 30);
        fill(g, body, tallness < 1 ? new Color(0xFAFAFA) : c);
        fill(g, new RoundRectangle2D.Double(180, top - 50, 240, 70, 24, 24), tallness < 1 ? c : c.darker());
        fill(g, new RoundRectangle2D.Double(215, top + h * 0.35, 170, h * 0.35, 12, 12), new Color(0xFFFFFF));
        fill(g, new Rectangle2D.Double(235, top + h * 0.45, 130, 10), c);
        gloss(g, body);
    }

    private static void lipstick(Graphics2D g, Color c) {
        Path2D bullet = new Path2D.Double();
        bullet.moveTo(265, 250); bullet.lineTo(265, 150); bullet.lineTo(335, 110); bullet.lineTo(335, 250); bullet.closePath();
        fill(g, bullet, new Color(0xC1121F));
        fill(g, new RoundRectangle2D.Double(250, 240, 100, 70, 8, 8), new Color(0xD4AF37));
        Shape base = new RoundRectangle2D.Double(240, 300, 120, 180, 10, 10);
        fill(g, base, c);
        gloss(g, base);
    }

    private static void bottle(Graphics2D g, Color c) {
        Shape body = new RoundRectangle2D.Double(215, 180, 170, 300, 70, 70);
        fill(g, body, c);
        fill(g, new RoundRectangle2D.Double(265, 110, 70, 80, 10, 10), new Color(0xF5F5F5));
        fill(g, new RoundRectangle2D.Double(240, 280, 120, 120, 16, 16), Color.WHITE);
        fill(g, new Ellipse2D.Double(275, 305, 50, 50), new Color(0xF4A261));
        gloss(g, body);
    }

    private static void stack(Graphics2D g, Color c) {
        for (int i = 0; i < 4; i++) {
            Color layer = i % 2 == 0 ? c : c.brighter();
            Shape s = new RoundRectangle2D.Double(140 + i * 6, 400 - i * 80, 320 - i * 12, 78, 18, 18);
            fill(g, s, layer);
            gloss(g, s);
        }
        fill(g, new RoundRectangle2D.Double(250, 110, 100, 40, 10, 10), Color.WHITE);
    }

    private static void mug(Graphics2D g, Color c) {
        outline(g, new Ellipse2D.Double(360, 230, 110, 150), c.darker(), 26);
        Shape body = new RoundRectangle2D.Double(160, 170, 230, 300, 40, 40);
        fill(g, body, c);
        fill(g, new Ellipse2D.Double(160, 155, 230, 40), c.darker().darker());
        gloss(g, body);
    }

    private static void appliance(Graphics2D g, Color c, String noun) {
        boolean cooker = noun.contains("rice cooker");
        Shape body = cooker ? new RoundRectangle2D.Double(150, 200, 300, 270, 140, 140)
                : new RoundRectangle2D.Double(160, 140, 280, 330, 60, 60);
        fill(g, body, noun.contains("box") ? new Color(c.getRed(), c.getGreen(), c.getBlue()) : new Color(0xF2F2F2));
        gloss(g, body);
        if (cooker) {
            fill(g, new Ellipse2D.Double(170, 170, 260, 80), c);
            fill(g, new RoundRectangle2D.Double(260, 360, 80, 40, 10, 10), new Color(0x333333));
        } else if (noun.contains("fryer")) {
            fill(g, new RoundRectangle2D.Double(180, 300, 240, 150, 30, 30), new Color(0x2B2B2B));
            fill(g, new RoundRectangle2D.Double(260, 350, 80, 24, 12, 12), c);
            fill(g, new Ellipse2D.Double(260, 170, 80, 80), c);
        } else {
            fill(g, new RoundRectangle2D.Double(150, 130, 300, 50, 20, 20), c.darker());
            fill(g, new RoundRectangle2D.Double(260, 250, 80, 24, 12, 12), Color.WHITE);
        }
    }

    private static void lamp(Graphics2D g, Color c) {
        fill(g, new Ellipse2D.Double(200, 440, 200, 40), c.darker());
        outline(g, new java.awt.geom.Line2D.Double(300, 455, 230, 260), new Color(0x555555), 14);
        outline(g, new java.awt.geom.Line2D.Double(230, 260, 350, 150), new Color(0x555555), 14);
        Path2D shade = new Path2D.Double();
        shade.moveTo(330, 110); shade.lineTo(420, 160); shade.lineTo(440, 260); shade.lineTo(320, 220); shade.closePath();
        fill(g, shade, c);
        g.setPaint(new RadialGradientPaint(390, 300, 120, new float[] {0f, 1f},
                new Color[] {new Color(255, 240, 180, 120), new Color(255, 240, 180, 0)}));
        g.fill(new Ellipse2D.Double(270, 180, 240, 240));
    }

    private static void pouch(Graphics2D g, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(190, 120); p.lineTo(410, 120); p.quadTo(450, 300, 430, 480); p.lineTo(170, 480);
        p.quadTo(150, 300, 190, 120); p.closePath();
        fill(g, p, c);
        fill(g, new Rectangle2D.Double(190, 120, 220, 30), c.darker());
        fill(g, new Ellipse2D.Double(230, 250, 140, 140), new Color(0xFFF8E7));
        g.setColor(new Color(0xA0522D));
        for (int i = 0; i < 6; i++) {
            g.fill(new Ellipse2D.Double(250 + (i % 3) * 32, 280 + (i / 3) * 40, 28, 20));
        }
        gloss(g, p);
    }

    private static void strawberries(Graphics2D g) {
        int[][] at = {{170, 260}, {300, 230}, {230, 340}, {360, 330}};
        for (int[] xy : at) {
            Path2D berry = new Path2D.Double();
            berry.moveTo(xy[0], xy[1]);
            berry.quadTo(xy[0] + 60, xy[1] - 20, xy[0] + 120, xy[1]);
            berry.quadTo(xy[0] + 110, xy[1] + 110, xy[0] + 60, xy[1] + 150);
            berry.quadTo(xy[0] + 10, xy[1] + 110, xy[0], xy[1]);
            fill(g, berry, new Color(0xD62828));
            gloss(g, berry);
            g.setColor(new Color(0xFFE066));
            for (int i = 0; i < 8; i++) {
                g.fill(new Ellipse2D.Double(xy[0] + 25 + (i % 3) * 28, xy[1] + 25 + (i / 3) * 32, 5, 7));
            }
            fill(g, new Ellipse2D.Double(xy[0] + 30, xy[1] - 18, 60, 28), new Color(0x2D6A4F));
        }
    }

    private static void chocolate(Graphics2D g) {
        Shape bar = new RoundRectangle2D.Double(150, 150, 300, 320, 16, 16);
        fill(g, bar, new Color(0x4A2C2A));
        g.setColor(new Color(0x3A1F1D));
        g.setStroke(new BasicStroke(6));
        for (int i = 1; i < 3; i++) {
            g.drawLine(150 + i * 100, 150, 150 + i * 100, 470);
        }
        for (int i = 1; i < 4; i++) {
            g.drawLine(150, 150 + i * 80, 450, 150 + i * 80);
        }
        gloss(g, bar);
        fill(g, new Rectangle2D.Double(150, 380, 300, 90), new Color(0xC9A227));
    }

    private static void blocks(Graphics2D g, Color c) {
        Color[] colours = {c, new Color(0xF4D35E), new Color(0x3A86FF), new Color(0xE63946)};
        double[][] at = {{150, 380, 180}, {330, 380, 120}, {200, 290, 160}, {260, 200, 100}};
        for (int i = 0; i < at.length; i++) {
            double x = at[i][0], y = at[i][1], w = at[i][2];
            fill(g, new RoundRectangle2D.Double(x, y, w, 90, 8, 8), colours[i]);
            for (double sx = x + 12; sx + 26 <= x + w; sx += 40) {
                fill(g, new RoundRectangle2D.Double(sx, y - 16, 26, 20, 6, 6), colours[i]);
            }
        }
    }

    private static void mat(Graphics2D g, Color c) {
        Shape roll = new RoundRectangle2D.Double(110, 260, 380, 160, 160, 160);
        fill(g, roll, c);
        gloss(g, roll);
        fill(g, new Ellipse2D.Double(410, 260, 90, 160), c.brighter());
        outline(g, new Ellipse2D.Double(430, 300, 50, 80), c.darker(), 4);
        outline(g, new Ellipse2D.Double(445, 320, 22, 40), c.darker(), 4);
    }

    private static void tent(Graphics2D g, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(300, 120); p.lineTo(500, 480); p.lineTo(100, 480); p.closePath();
        fill(g, p, c);
        Path2D door = new Path2D.Double();
        door.moveTo(300, 250); door.lineTo(370, 480); door.lineTo(230, 480); door.closePath();
        fill(g, door, c.darker().darker());
        gloss(g, p);
    }

    private static void racket(Graphics2D g, Color c) {
        Shape head = new Ellipse2D.Double(200, 80, 200, 250);
        outline(g, head, c, 16);
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(2));
        for (int x = 215; x < 400; x += 18) {
            g.drawLine(x, 90, x, 320);
        }
        for (int y = 95; y < 325; y += 18) {
            g.drawLine(205, y, 395, y);
        }
        outline(g, new java.awt.geom.Line2D.Double(300, 330, 300, 420), new Color(0x666666), 10);
        fill(g, new RoundRectangle2D.Double(285, 410, 30, 80, 10, 10), new Color(0x222222));
    }

    private static void helmet(Graphics2D g, Color c) {
        Shape dome = new Arc2D.Double(130, 150, 340, 340, 0, 180, Arc2D.CHORD);
        fill(g, dome, c);
        gloss(g, dome);
        for (int i = 0; i < 4; i++) {
            fill(g, new RoundRectangle2D.Double(200 + i * 55, 190, 30, 80, 14, 14), c.darker().darker());
        }
        fill(g, new RoundRectangle2D.Double(130, 310, 340, 22, 10, 10), new Color(0x222222));
    }

    private static void keyboard(Graphics2D g, Color c) {
        Shape board = new RoundRectangle2D.Double(70, 230, 460, 200, 24, 24);
        fill(g, board, new Color(0x2F2F2F));
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 13; col++) {
                fill(g, new RoundRectangle2D.Double(86 + col * 33.5, 245 + row * 35, 28, 28, 6, 6),
                        row == 4 && col > 3 && col < 9 ? c : new Color(0xEDEDED));
            }
        }
    }

    private static void mouse(Graphics2D g, Color c) {
        Shape body = new RoundRectangle2D.Double(220, 130, 160, 320, 160, 160);
        fill(g, body, c);
        outline(g, new java.awt.geom.Line2D.Double(300, 140, 300, 250), c.darker().darker(), 3);
        fill(g, new RoundRectangle2D.Double(290, 180, 20, 40, 10, 10), new Color(0x222222));
        gloss(g, body);
    }

    private static void monitor(Graphics2D g, Color c, boolean laptopStand) {
        if (laptopStand) {
            Path2D p = new Path2D.Double();
            p.moveTo(120, 440); p.lineTo(480, 440); p.lineTo(430, 300); p.lineTo(170, 300); p.closePath();
            fill(g, p, new Color(0xBFC3C8));
            fill(g, new RoundRectangle2D.Double(150, 140, 300, 170, 12, 12), new Color(0x222222));
            g.setPaint(new GradientPaint(160, 150, c.brighter(), 440, 300, c));
            g.fill(new Rectangle2D.Double(162, 152, 276, 146));
            fill(g, new Rectangle2D.Double(180, 440, 18, 40), new Color(0x9AA0A6));
            fill(g, new Rectangle2D.Double(402, 440, 18, 40), new Color(0x9AA0A6));
            return;
        }
        fill(g, new RoundRectangle2D.Double(70, 100, 460, 280, 16, 16), new Color(0x1F1F1F));
        g.setPaint(new GradientPaint(80, 110, c.brighter(), 520, 370, new Color(0x0B132B)));
        g.fill(new Rectangle2D.Double(82, 112, 436, 256));
        fill(g, new Rectangle2D.Double(280, 380, 40, 70), new Color(0x555555));
        fill(g, new RoundRectangle2D.Double(200, 445, 200, 24, 12, 12), new Color(0x444444));
    }

    private static void vacuum(Graphics2D g, Color c) {
        Shape disc = new Ellipse2D.Double(110, 200, 380, 260);
        fill(g, disc, new Color(0xF7F7F7));
        fill(g, new Ellipse2D.Double(130, 215, 340, 210), c);
        fill(g, new Ellipse2D.Double(250, 250, 100, 70), new Color(0xF7F7F7));
        fill(g, new Ellipse2D.Double(285, 270, 30, 30), new Color(0x333333));
        gloss(g, disc);
    }

    private static void kettle(Graphics2D g, Color c) {
        outline(g, new Arc2D.Double(330, 170, 160, 240, -90, 180, Arc2D.OPEN), new Color(0x333333), 24);
        Path2D body = new Path2D.Double();
        body.moveTo(190, 160); body.lineTo(390, 160); body.lineTo(420, 460); body.lineTo(160, 460); body.closePath();
        fill(g, body, c);
        Path2D spout = new Path2D.Double();
        spout.moveTo(185, 200); spout.lineTo(110, 170); spout.lineTo(120, 200); spout.lineTo(178, 260); spout.closePath();
        fill(g, spout, c.darker());
        fill(g, new RoundRectangle2D.Double(140, 455, 300, 30, 12, 12), new Color(0x222222));
        fill(g, new RoundRectangle2D.Double(240, 130, 100, 36, 12, 12), new Color(0x333333));
        gloss(g, body);
    }

    private static void book(Graphics2D g, Color c) {
        fill(g, new Rectangle2D.Double(185, 105, 260, 370), new Color(0xF4F1EA));
        Shape cover = new Rectangle2D.Double(165, 95, 260, 370);
        fill(g, cover, c);
        fill(g, new Rectangle2D.Double(165, 95, 26, 370), c.darker());
        fill(g, new Rectangle2D.Double(220, 170, 170, 14), new Color(0xF4F1EA));
        fill(g, new Rectangle2D.Double(220, 200, 120, 10), new Color(0xF4F1EA));
        fill(g, new Ellipse2D.Double(250, 270, 100, 100), c.brighter());
        gloss(g, cover);
    }
}
