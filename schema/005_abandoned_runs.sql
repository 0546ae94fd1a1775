-- A run whose process died without recording an outcome (SIGKILL, a crash, a power cut, a
-- connection lost for good) stays 'running' until the next writer, holding the one-writer lock
-- and so sure it is not running, marks it 'abandoned'. Its committed batches are kept; the next
-- run skips them and finishes the work.
alter table etl_runs drop constraint etl_runs_status_check;
alter table etl_runs add constraint etl_runs_status_check
    check (status in ('running', 'completed', 'completed_with_rejections', 'failed', 'interrupted', 'abandoned'));
