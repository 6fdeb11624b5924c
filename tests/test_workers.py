"""workers.run_all: jobs shared between forked processes give the results one process would, in job order."""

import os

import pytest
from ocop.core.workers import WorkerError, run_all


@pytest.mark.parametrize("workers", [1, 2, 3, 7])
def test_results_come_in_the_order_of_the_jobs(workers):
    jobs = list(range(10))
    assert run_all(jobs, lambda job: (job, job * job), workers, minimum=1) == [(j, j * j) for j in jobs]


def test_work_is_really_shared_and_what_workers_learn_is_merged():
    learnt = []
    results = run_all(list(range(6)), lambda job: os.getpid(), workers=3, minimum=1,
                      collect=lambda: os.getpid(), merge=learnt.append)
    assert len(set(results)) == 3 and results[0] == os.getpid()
    assert sorted(learnt) == sorted(set(results) - {os.getpid()})


def test_short_lists_stay_in_this_process():
    assert set(run_all([1, 2, 3], lambda job: os.getpid(), workers=3, minimum=4)) == {os.getpid()}


def test_a_failing_job_in_a_worker_stops_the_run_with_its_message():
    def run_one(job):
        if job == 5:  # the worker's share: jobs 1, 3, 5
            raise ValueError("record 5 is broken")
        return job

    with pytest.raises(WorkerError, match="ValueError: record 5 is broken"):
        run_all(list(range(6)), run_one, workers=2, minimum=1)
