import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Says whether a PNG is a drawn page, for scripts/smoke-package.sh: at least the size asked for and more than N distinct
 * colours (text, icons and charts are anti-aliased; a page that failed to draw is one or two flat colours).
 * Run with a JDK's source launcher: java scripts/PngCheck.java FILE.png MIN_WIDTH MIN_HEIGHT MIN_COLOURS
 */
public final class PngCheck {

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        int minWidth = Integer.parseInt(args[1]), minHeight = Integer.parseInt(args[2]), minColours = Integer.parseInt(args[3]);
        BufferedImage image = ImageIO.read(file);
        if (image == null) {
            fail(file + " is not a PNG.");
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        String facts = image.getWidth() + "×" + image.getHeight() + ", " + colours.size() + " colours";
        if (image.getWidth() < minWidth || image.getHeight() < minHeight || colours.size() < minColours) {
            fail(file + " is not a drawn page (" + facts + "; wanted at least " + minWidth + "×" + minHeight + " and "
                    + minColours + " colours).");
        }
        System.out.println(file + ": " + facts);
    }

    private static void fail(String sentence) {
        System.err.println(sentence);
        System.exit(1);
    }
}
