package dev.berth.samples.shop;

import java.io.Serializable;

/**
 * An item of the shop.
 *
 * @param id its id
 * @param name its name
 * @param stock how many are left
 */
public record Item(long id, String name, int stock) implements Serializable {
}
