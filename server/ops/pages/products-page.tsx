// /ops/products: the catalogue. Products on sale, then retired ones apart (each restorable), the form to
// add one, the CSV import and export, and the latest changes with their authors.
import type { CatalogueChange } from '../../../db/schema';
import { imagePath, type ProductRecord } from '../../catalogue/product-record';
import { CatalogueChangesList } from './catalogue-changes-list';
import { vnd } from './display-words';
import { PageMessages } from './page-messages';
import { PageLayout } from './page-layout';
import { ProductFormFields, type ProductDraft } from './product-form-fields';

export interface ProductsPageModel {
  products: ProductRecord[];
  changes: CatalogueChange[];
  notice?: string | undefined;
  error?: string | undefined;
  /** What the Add form held when it was refused. */
  draft?: ProductDraft;
}

function ProductRow({ product }: { product: ProductRecord }) {
  const image = imagePath(product.image_id);
  const path = `/ops/products/${encodeURIComponent(product.sku)}`;
  return (
    <tr>
      <td>
        {image ? (
          <img className="thumb" src={image} alt="" width={48} height={48} />
        ) : (
          <span className="thumb" />
        )}
      </td>
      <td>
        <a href={path}>
          <code>{product.sku}</code>
        </a>
      </td>
      <td>
        {product.name_vi}
        <br />
        <small>{product.name_en}</small>
      </td>
      <td>{vnd(product.unit_price)}</td>
      <td>{product.position}</td>
      <td>
        <form method="post" action={`${path}/${product.active ? 'retire' : 'restore'}`}>
          <button type="submit">{product.active ? 'Retire' : 'Restore'}</button>
        </form>
      </td>
    </tr>
  );
}

function ProductTable({ products, caption }: { products: ProductRecord[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>Image</th>
          <th>sku</th>
          <th>Name (vi / en)</th>
          <th>Price</th>
          <th>Position</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {products.map((product) => (
          <ProductRow key={product.sku} product={product} />
        ))}
      </tbody>
    </table>
  );
}

export function ProductsPage({ products, changes, notice, error, draft }: ProductsPageModel) {
  const onSale = products.filter((product) => product.active);
  const retired = products.filter((product) => !product.active);
  return (
    <PageLayout title="Products" signedIn>
      <h1>Products</h1>
      <PageMessages notice={notice} error={error} />
      <ProductTable products={onSale} caption={`On sale (${onSale.length})`} />
      <h2>Retired</h2>
      {retired.length === 0 ? (
        <p>No retired products.</p>
      ) : (
        <ProductTable products={retired} caption={`Retired (${retired.length})`} />
      )}
      <h2>Add a product</h2>
      <form method="post" action="/ops/products" encType="multipart/form-data" className="stack">
        <ProductFormFields draft={draft ?? {}} />
        <button type="submit">Add product</button>
      </form>
      <h2>CSV</h2>
      <p>
        <a href="/ops/catalogue.csv">Export the catalogue as CSV</a>. An import shows what would
        change before anything does; all its rows apply, or none.
      </p>
      <form
        method="post"
        action="/ops/catalogue/import"
        encType="multipart/form-data"
        className="inline"
      >
        <label>
          CSV file (sku,name_vi,name_en,unit_price,active[,description_vi,description_en,position])
          <input name="csv" type="file" accept=".csv,text/csv" required />
        </label>
        <button type="submit">Preview import</button>
      </form>
      <h2>Latest changes</h2>
      <CatalogueChangesList changes={changes} />
    </PageLayout>
  );
}
