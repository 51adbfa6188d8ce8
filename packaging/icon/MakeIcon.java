// Draws packaging/icon/cruddur-admin.png (256x256): a rounded square with a chat bubble holding "CA".
// Run headless from the repository root:  java -Djava.awt.headless=true packaging/icon/MakeIcon.java [out.png]
// The PNG is committed; run this only to change the icon.
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class MakeIcon {
    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "packaging/icon/cruddur-admin.png";
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // background: rounded square, indigo to teal
        RoundRectangle2D bg = new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x4F46E5), 0, s - 8, new Color(0x0D9488)));
        g.fill(bg);

        // chat bubble: rounded rectangle with a tail at the lower left
        Area bubble = new Area(new RoundRectangle2D.Double(40, 52, 176, 120, 44, 44));
        Path2D tail = new Path2D.Double();
        tail.moveTo(72, 160);
        tail.lineTo(60, 206);
        tail.lineTo(116, 166);
        tail.closePath();
        bubble.add(new Area(tail));
        g.setColor(new Color(0, 0, 0, 50));           // soft shadow
        g.fill(bubble.createTransformedArea(AffineTransform.getTranslateInstance(0, 5)));
        g.setColor(Color.WHITE);
        g.fill(bubble);

        // "CA" in the bubble, drawn as glyph outlines so no particular font file is needed
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 84);
        Shape text = font.createGlyphVector(g.getFontRenderContext(), "CA").getOutline();
        Rectangle2D b = text.getBounds2D();
        double cx = 40 + 176 / 2.0, cy = 52 + 120 / 2.0;
        Shape placed = AffineTransform.getTranslateInstance(cx - b.getCenterX(), cy - b.getCenterY())
                .createTransformedShape(text);
        g.setColor(new Color(0x3730A3));
        g.fill(placed);
        g.dispose();
        ImageIO.write(img, "png", new File(out));
        System.out.println("wrote " + out);
    }
}
