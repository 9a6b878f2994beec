package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class ExportScheduleTest {

    @Test
    void runsTheTaskEveryIntervalOnTheGivenSchedulerAndOnlyCancelsItOnStop() {
        CapturingScheduler scheduler = new CapturingScheduler();
        RecordingLogger log = new RecordingLogger();
        ExportSchedule schedule = new ExportSchedule("test", Duration.ofSeconds(30), scheduler, log);
        AtomicInteger runs = new AtomicInteger();

        schedule.start(runs::incrementAndGet);
        CapturingScheduler.Scheduled s = scheduler.only();
        s.runOnce();
        s.runOnce();
        schedule.stop();
        schedule.stop();

        assertThat(schedule.started()).isTrue();
        assertThat(schedule.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.periodMillis()).isEqualTo(30_000);
        assertThat(s.unit().toMillis(s.initialDelay())).isEqualTo(30_000);
        assertThat(runs).hasValue(2);
        assertThat(s.future().isCancelled()).isTrue();
        assertThat(scheduler.isShutdown()).isFalse();
        scheduler.shutdown();
    }

    @Test
    void aTaskThatThrowsIsLoggedAndRunsAgain() {
        CapturingScheduler scheduler = new CapturingScheduler();
        RecordingLogger log = new RecordingLogger();
        ExportSchedule schedule = new ExportSchedule("test", Duration.ofSeconds(1), scheduler, log);
        AtomicInteger runs = new AtomicInteger();

        schedule.start(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("bug");
        });
        scheduler.only().runOnce();
        scheduler.only().runOnce();

        assertThat(runs).hasValue(2);
        assertThat(log.count(Level.ERROR)).isEqualTo(2);
        scheduler.shutdown();
    }

    @Test
    void startingTwiceFailsAndStoppingBeforeStartIsHarmless() {
        CapturingScheduler scheduler = new CapturingScheduler();
        ExportSchedule schedule = new ExportSchedule("twice", Duration.ofSeconds(1), scheduler, new RecordingLogger());
        schedule.stop();
        assertThat(schedule.started()).isFalse();
        schedule.start(() -> { });
        assertThatThrownBy(() -> schedule.start(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice");
        scheduler.shutdown();
    }

    @Test
    void ownSchedulerRunsOnADaemonThreadAndStopsIt() throws InterruptedException {
        ExportSchedule schedule = new ExportSchedule("own", Duration.ofMillis(10), null, new RecordingLogger());
        CountDownLatch ran = new CountDownLatch(3);
        Thread[] thread = new Thread[1];
        schedule.start(() -> {
            thread[0] = Thread.currentThread();
            ran.countDown();
        });
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        schedule.stop();

        assertThat(thread[0].getName()).isEqualTo("sabot-metrics-own");
        assertThat(thread[0].isDaemon()).isTrue();
        thread[0].join(30_000);
        assertThat(thread[0].isAlive()).isFalse();
    }
}
