package dev.berth.engine;

/** Image ids as every engine takes them. */
public final class ImageIds {
    private ImageIds() {
    }

    /**
     * Podman's Docker API takes a bare 64-hex image id only while the image exists: for one that is gone it answers
     * 500 ("cannot specify 64-byte hexadecimal strings"), not 404. With the {@code sha256:} prefix both engines
     * answer 404.
     *
     * @param idOrReference an image id (bare or {@code sha256:}) or a reference
     * @return a bare 64-hex id as {@code sha256:<id>}, anything else unchanged
     */
    public static String byId(String idOrReference) {
        return idOrReference.matches("[0-9a-f]{64}") ? "sha256:" + idOrReference : idOrReference;
    }
}
