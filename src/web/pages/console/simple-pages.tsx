import { Page } from '../../components/page.js';
import { Empty } from '../../components/states.js';

export function ReportsPage() {
  return (
    <Page title="Reports" lead="Revenue, utilisation, rebooking and outcomes, with charts and CSV export.">
      <Empty title="Not enough activity to report on yet">Reports fill in as your team books, treats and takes payments in Dermis.</Empty>
    </Page>
  );
}
