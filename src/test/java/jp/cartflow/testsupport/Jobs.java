package jp.cartflow.testsupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

import java.util.List;

/** Runs jobs by hand (the job executor is off in tests). */
public final class Jobs {

    private Jobs() {
    }

    /** Executes the process instance's executable jobs until none is left; returns how many ran. */
    public static int runAll(ManagementService management, String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return ran;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("jobs keep appearing for " + processInstanceId);
    }
}
