package dev.berth.modules.kafka;

import dev.berth.RunningContainer;
import dev.berth.modules.ProtocolWait;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Readiness of Kafka: a metadata request ({@code describeCluster}) through the host listener with
 * {@code org.apache.kafka:kafka-clients}; ready once the broker lists itself.
 */
final class KafkaMetadata implements ProtocolWait.Probe {
    private final String bootstrap;

    KafkaMetadata(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public void probe(RunningContainer container) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "berth-readiness");
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (NoClassDefFoundError e) {
            throw new ProtocolWait.Rejected("the Kafka readiness check needs org.apache.kafka:kafka-clients on the "
                    + "test classpath; add it to the test dependencies", e);
        }
        try (admin) {
            if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                throw new IllegalStateException("the cluster lists no broker yet");
            }
        }
    }
}
