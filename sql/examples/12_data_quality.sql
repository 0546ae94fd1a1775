-- Question: does the data pass its quality checks? Each check's count of failing rows; the rows
-- themselves are in the view of schema quality with the check's name.
-- Columns: check_name, failures.
select check_name, failures
from quality.summary
order by check_name;
