package org.dudao.serve;

import org.dudao.api.Dudao;
import org.dudao.api.Rules;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's load check (figures, never pass/fail; docs/serve.md): N clients upload the sample at
 * once, each with its own session, to a console in this JVM; prints how many were queued and how many
 * refused (429), the longest queue, the time until every queued run was done, the runs per minute, and
 * the peak heap. Run by {@code bench/run.sh serve} as
 * {@code java -Xmx1g -cp … org.dudao.serve.ServeLoad [clients=20] [jobs=1] [queue=20]}.
 */
public final class ServeLoad {
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int queue = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path data = Files.createTempDirectory("dudao-serve-load");
        Rules rules = Dudao.rules(Path.of("rules"));
        ServeCommand.Running console = ServeCommand.start(ConsoleFixture.config(data, 200L * 1024 * 1024, jobs, queue), rules,
                new PrintWriter(System.err, true));
        if (console == null) throw new IllegalStateException("console did not start");
        Map<String, byte[]> sample = Http.sample();
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();

        AtomicInteger maxWaiting = new AtomicInteger();
        AtomicLong maxHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxWaiting.accumulateAndGet(console.console().queue().waiting().size(), Math::max);
                maxHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        CountDownLatch go = new CountDownLatch(1);
        List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    Http http = new Http(console.port());
                    Map<String, String> token = http.token();
                    go.await();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.upload("/api/runs", sample, Map.of(), token);
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                    if (r.statusCode() == 202) accepted.add(Http.json(r).path("id").asLong());
                    else if (r.statusCode() == 429) refused.incrementAndGet();
                    else other.incrementAndGet();
                } catch (Exception e) {
                    other.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        long uploaded = System.nanoTime();
        for (long id : accepted) {
            while (!console.console().runs().get(id).orElseThrow().state.finished()) Thread.sleep(50);
        }
        long done = System.nanoTime();
        sampler.interrupt();
        long peakPools = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peakPools += p.getPeakUsage().getUsed();
        int ok = (int) accepted.stream().filter(id -> console.console().runs().get(id).orElseThrow().state == RunState.State.DONE).count();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (done - start) / 1e9;
        System.out.printf("clients %d, --jobs %d, --queue %d, -Xmx %d MB, %d cores%n", clients, jobs, queue,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("uploads answered in %.1f s: %d queued (202), %d refused (429), %d other; upload answer median %d ms, max %d ms%n",
                (uploaded - start) / 1e9, accepted.size(), refused.get(), other.get(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.out.printf("all queued runs ended after %.1f s: %d done; %.2f runs/min, %.1f s per run%n", seconds, ok,
                accepted.size() / seconds * 60, seconds / Math.max(1, accepted.size()));
        System.out.printf("longest queue %d waiting; peak heap used %d MB (sampled), %d MB (pool peaks)%n", maxWaiting.get(),
                maxHeap.get() >> 20, peakPools >> 20);
        console.close();
    }
}
