package org.casetrail.platform.eventstore;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.casetrail.platform.CasetrailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each projection processor's segments fairly among the nodes running processors on one database: a node
 * claims at most its share, the segments over the number of nodes heard from lately, rounded up. Axon's processor
 * asks for the share before each claim and gives back segments above it, which the other nodes then claim; so a
 * node that joins takes its share from the others within a few claim intervals, and when a node dies (or stops)
 * the rest take its segments once its claims have timed out.
 * <p>
 * Each node says it is alive every {@code casetrail.events.heartbeat} in {@code processor_node}, stamped by the
 * database's clock, so the nodes' own clocks need not agree. A node starts beating when its first processor asks
 * for its share: a node with no processors (the command side) is never counted. While the database cannot be
 * reached the last known share stands.
 */
@Component
public class ProcessorNodes implements MaxSegmentProvider, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorNodes.class);

    private final JdbcTemplate jdbc;
    private final Duration heartbeat;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
                                + UUID.randomUUID().toString().substring(0, 8);
    private volatile Map<String, Integer> segments = Map.of();
    private volatile int nodes;
    private ScheduledExecutorService beats;

    ProcessorNodes(JdbcTemplate jdbc, CasetrailProperties properties) {
        this.jdbc = jdbc;
        this.heartbeat = properties.events().heartbeat();
    }

    /** The most segments of {@code processor} this node may claim: all of them until the first beat is heard. */
    @Override
    public int getMaxSegments(String processor) {
        start();
        Integer count = segments.get(processor);
        int live = nodes;
        if (count == null || live == 0) {
            return Short.MAX_VALUE;
        }
        return Math.max(1, (count + live - 1) / live);
    }

    /**
     * This node's name: in {@code processor_node}, and as the owner of the segments it claims in
     * {@code token_entry} (Axon's default, the JVM's pid@host, would be shared by nodes in one JVM).
     */
    public String node() {
        return node;
    }

    /** Whether this node holds one of the processor's segments, or one is held by no node. */
    public boolean answersFor(String processor) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ? "
                                               + "AND (owner IS NULL OR owner = ?)", Integer.class, processor, node);
        return segments != null && segments > 0;
    }

    /** The node holding the segment's claim now, if any. */
    public Optional<String> holder(String processor, int segment) {
        return jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = ? "
                                 + "AND owner IS NOT NULL", String.class, processor, segment).stream().findFirst();
    }

    private synchronized void start() {
        if (beats != null) {
            return;
        }
        beats = Executors.newSingleThreadScheduledExecutor(beat -> {
            Thread thread = new Thread(beat, "casetrail-processor-nodes");
            thread.setDaemon(true);
            return thread;
        });
        beats.execute(this::forgetLongGone);
        beats.scheduleWithFixedDelay(this::beatQuietly, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Removes the rows of nodes gone for a day (those that died without leaving), once, as this node starts. */
    private void forgetLongGone() {
        try {
            jdbc.update("DELETE FROM processor_node WHERE seen_at < now() - interval '1 day'");
        } catch (RuntimeException e) {
            log.debug("Could not forget long-gone processor nodes: {}", e.getMessage());
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.debug("Could not beat as processor node {}: {}", node, e.getMessage());
        }
    }

    /** Says this node is alive, then counts the live nodes and each processor's segments. */
    void beat() {
        jdbc.update("""
                INSERT INTO processor_node (node, seen_at) VALUES (?, now())
                ON CONFLICT (node) DO UPDATE SET seen_at = now()""", node);
        double window = heartbeat.multipliedBy(3).toMillis() / 1000.0;
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM processor_node WHERE seen_at > now() - make_interval(secs => ?)",
                Integer.class, window);
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name",
                   rs -> {
                       counts.put(rs.getString(1), rs.getInt(2));
                   });
        segments = Map.copyOf(counts);
        nodes = live == null ? 0 : live;
    }

    /** Stops beating and leaves the table, so the other nodes' shares grow at once. */
    @Override
    public void destroy() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = beats;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            jdbc.update("DELETE FROM processor_node WHERE node = ?", node);
        } catch (RuntimeException e) {
            log.debug("Could not leave processor_node as {}: {}", node, e.getMessage());
        }
    }
}
