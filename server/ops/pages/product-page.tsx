// /ops/products/{sku}: one product's form (the sku can change only while no order has bought it), its
// image, retire or restore, and every change recorded for it.
import type { CatalogueChange } from '../../../db/schema';
import { imagePath, type ProductRecord } from '../../catalogue/product-record';
import { CatalogueChangesList } from './catalogue-changes-list';
import { PageMessages } from './page-messages';
import { PageLayout } from './page-layout';
import { ProductFormFields, type ProductDraft } from './product-form-fields';

export interface ProductPageModel {
  product: ProductRecord;
  changes: CatalogueChange[];
  notice?: string | undefined;
  error?: string | undefined;
  draft?: ProductDraft;
}

export function ProductPage({ product, changes, notice, error, draft }: ProductPageModel) {
  const path = `/ops/products/${encodeURIComponent(product.sku)}`;
  const image = imagePath(product.image_id);
  return (
    <PageLayout title={`Product ${product.sku}`} signedIn>
      <p>
        <a href="/ops/products">← All products</a>
      </p>
      <h1>
        {product.name_vi} <small>({product.active ? 'on sale' : 'retired'})</small>
      </h1>
      <PageMessages notice={notice} error={error} />
      {image && (
        <img
          src={image}
          alt={`${product.name_en}`}
          width={160}
          height={160}
          className="thumb"
          style={{ width: 160, height: 160 }}
        />
      )}
      <form method="post" action={path} encType="multipart/form-data" className="stack">
        <ProductFormFields draft={{ ...product, ...draft }} />
        {image && (
          <label>
            <span>
              <input type="checkbox" name="remove_image" value="1" /> Remove the image
            </span>
          </label>
        )}
        <button type="submit">Save</button>
      </form>
      <form method="post" action={`${path}/${product.active ? 'retire' : 'restore'}`}>
        <p>
          <button type="submit">
            {product.active ? 'Retire (stop selling)' : 'Restore (sell again)'}
          </button>
        </p>
      </form>
      <h2>Changes</h2>
      <CatalogueChangesList changes={changes} />
    </PageLayout>
  );
}
