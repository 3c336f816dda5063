// The CSV import's first step: what each row would do. Nothing is written until "Apply all rows"; the
// file travels back in the form, so what is applied is exactly what was previewed.
import type { ImportStep } from '../../catalogue/catalogue-import';
import { PageLayout } from './page-layout';

export interface ImportPreviewModel {
  steps: ImportStep[];
  csv: string;
}

export function ImportPreviewPage({ steps, csv }: ImportPreviewModel) {
  const changing = steps.filter((step) => step.action !== 'unchanged').length;
  return (
    <PageLayout title="Import preview" signedIn>
      <h1>Import preview</h1>
      <p>
        {changing} of {steps.length} rows would change the catalogue. Nothing has changed yet.
      </p>
      <table>
        <thead>
          <tr>
            <th>Line</th>
            <th>sku</th>
            <th>Action</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.line}>
              <td>{step.line}</td>
              <td>
                <code>{step.sku}</code>
              </td>
              <td>{step.action}</td>
              <td>{step.changes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/ops/catalogue/import/apply">
        <textarea name="csv" defaultValue={csv} hidden readOnly />
        <p>
          <button type="submit" disabled={changing === 0}>
            Apply all rows
          </button>{' '}
          <a href="/ops/products">Cancel</a>
        </p>
      </form>
    </PageLayout>
  );
}
