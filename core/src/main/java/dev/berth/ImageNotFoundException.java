package dev.berth;

import java.util.List;

/** An image could not be found locally nor obtained from any source tried. */
public final class ImageNotFoundException extends BerthException {
    private static final long serialVersionUID = 1L;
    /** The image reference that was asked for. */
    private final String reference;
    /** Each source tried and why it failed, in the order tried. */
    private final List<String> attempts;

    /**
     * @param reference the image reference asked for
     * @param attempts one line per source tried, with its error
     */
    public ImageNotFoundException(String reference, List<String> attempts) {
        super(render(reference, attempts));
        this.reference = reference;
        this.attempts = List.copyOf(attempts);
    }

    /** @return the image reference asked for */
    public String reference() {
        return reference;
    }

    /** @return one line per source tried, with its error */
    public List<String> attempts() {
        return attempts;
    }

    private static String render(String reference, List<String> attempts) {
        StringBuilder b = new StringBuilder("Image " + reference + " is not available. Tried:");
        for (String a : attempts) {
            b.append("\n  - ").append(a);
        }
        b.append("\nCheck the name and tag, make the registry reachable (docker login for a private one),")
                .append(" or load the image from an archive with engine.images().load(path).");
        return b.toString();
    }
}
