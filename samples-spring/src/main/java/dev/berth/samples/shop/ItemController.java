package dev.berth.samples.shop;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /items}, {@code GET /items/{id}}. */
@RestController
public class ItemController {
    private final ItemRepository items;

    ItemController(ItemRepository items) {
        this.items = items;
    }

    @GetMapping("/items")
    List<Item> all() {
        return items.all();
    }

    @GetMapping("/items/{id}")
    ResponseEntity<Item> one(@PathVariable("id") long id) {
        return ResponseEntity.of(items.find(id));
    }
}
