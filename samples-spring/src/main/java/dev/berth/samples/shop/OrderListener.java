package dev.berth.samples.shop;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orders arrive on the {@code orders} queue as an item id; each takes one from the stock. */
@Configuration(proxyBeanMethods = false)
public class OrderListener {
    /** The queue's name. */
    public static final String QUEUE = "orders";
    private final ItemRepository items;

    OrderListener(ItemRepository items) {
        this.items = items;
    }

    @Bean
    Queue ordersQueue() {
        return new Queue(QUEUE, false);
    }

    @RabbitListener(queues = QUEUE)
    void onOrder(String itemId) {
        items.take(Long.parseLong(itemId.trim()));
    }
}
