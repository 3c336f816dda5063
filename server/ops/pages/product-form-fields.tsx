// The fields of a product, shared by the Add form and the product's own page: named as the CSV header
// and the merchant API name them, so one set of rules (server/catalogue/product-rules.ts) reads them all.
import type { ProductRecord } from '../../catalogue/product-record';
import { MAX_DESCRIPTION, MAX_NAME } from '../../catalogue/product-rules';

/** What the form shows: a stored product, or what the operator typed before a refusal. */
export type ProductDraft = Partial<Record<keyof ProductRecord, string | number | boolean | null>>;

const text = (value: ProductDraft[keyof ProductDraft]) =>
  value === null || value === undefined ? '' : String(value);

export function ProductFormFields({ draft }: { draft: ProductDraft }) {
  return (
    <>
      <label>
        sku (lowercase letters, digits, hyphens)
        <input name="sku" required maxLength={40} defaultValue={text(draft.sku)} />
      </label>
      <label>
        Name (Vietnamese)
        <input name="name_vi" required maxLength={MAX_NAME} defaultValue={text(draft.name_vi)} />
      </label>
      <label>
        Name (English)
        <input name="name_en" required maxLength={MAX_NAME} defaultValue={text(draft.name_en)} />
      </label>
      <label>
        Price (whole VND)
        <input
          name="unit_price"
          required
          inputMode="numeric"
          defaultValue={text(draft.unit_price)}
        />
      </label>
      <label>
        Description (Vietnamese, optional)
        <input
          name="description_vi"
          maxLength={MAX_DESCRIPTION}
          defaultValue={text(draft.description_vi)}
        />
      </label>
      <label>
        Description (English, optional)
        <input
          name="description_en"
          maxLength={MAX_DESCRIPTION}
          defaultValue={text(draft.description_en)}
        />
      </label>
      <label>
        Position in the list (optional)
        <input name="position" inputMode="numeric" defaultValue={text(draft.position)} />
      </label>
      <label>
        Image (PNG, JPEG or WebP)
        <input name="image" type="file" accept="image/png,image/jpeg,image/webp" />
      </label>
    </>
  );
}
