// /ops/shop: the shop's name, taglines, support contact, ZaloPay's order description, brand colour (with
// the contrast the shop will use), logo and favicon, and every change recorded for them.
import type { CatalogueChange } from '../../../db/schema';
import { contrastRatio, type BrandPalette } from '../../catalogue/brand-colour';
import { imagePath } from '../../catalogue/product-record';
import type { ShopProfileRecord } from '../../catalogue/shop-profile-service';
import { CatalogueChangesList } from './catalogue-changes-list';
import { PageMessages } from './page-messages';
import { PageLayout } from './page-layout';

export interface ShopProfilePageModel {
  profile: ShopProfileRecord;
  palette: BrandPalette;
  changes: CatalogueChange[];
  notice?: string | undefined;
  error?: string | undefined;
  /** What the form held when it was refused. */
  draft?: Partial<Record<keyof ShopProfileRecord, string | null>>;
}

function Field({
  name,
  label,
  value,
  max,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  max: number;
}) {
  return (
    <label>
      {label}
      <input name={name} maxLength={max} defaultValue={value ?? ''} />
    </label>
  );
}

function ImageField({
  name,
  label,
  imageId,
}: {
  name: string;
  label: string;
  imageId: string | null;
}) {
  const image = imagePath(imageId);
  return (
    <>
      <label>
        {label}
        <input name={name} type="file" accept="image/png,image/jpeg,image/webp" />
      </label>
      {image && (
        <label>
          <img
            src={image}
            alt={`Current ${label.toLowerCase()}`}
            width={48}
            height={48}
            className="thumb"
          />
          <span>
            <input type="checkbox" name={`remove_${name}`} value="1" /> Remove
          </span>
        </label>
      )}
    </>
  );
}

export function ShopProfilePage({
  profile,
  palette,
  changes,
  notice,
  error,
  draft,
}: ShopProfilePageModel) {
  const shown = { ...profile, ...draft };
  const ratio = contrastRatio(palette.brand, palette.onBrand).toFixed(1);
  return (
    <PageLayout title="Shop" signedIn>
      <h1>Shop profile and brand</h1>
      <PageMessages notice={notice} error={error} />
      <form method="post" action="/ops/shop" encType="multipart/form-data" className="stack">
        <Field name="name" label="Shop name" value={shown.name} max={80} />
        <Field name="tagline_vi" label="Tagline (Vietnamese)" value={shown.tagline_vi} max={120} />
        <Field name="tagline_en" label="Tagline (English)" value={shown.tagline_en} max={120} />
        <Field
          name="support_phone"
          label="Support phone (optional)"
          value={shown.support_phone}
          max={20}
        />
        <Field
          name="support_email"
          label="Support email (optional)"
          value={shown.support_email}
          max={120}
        />
        <Field
          name="order_description"
          label="What ZaloPay shows for an order ({ref} is the order's reference)"
          value={shown.order_description}
          max={200}
        />
        <label>
          Brand colour (#rrggbb)
          <input name="brand_color" defaultValue={shown.brand_color ?? ''} maxLength={7} />
        </label>
        <ImageField name="logo" label="Logo" imageId={profile.logo_image_id} />
        <ImageField name="favicon" label="Favicon" imageId={profile.favicon_image_id} />
        <button type="submit">Save</button>
      </form>
      <p>
        <span className="swatch" style={{ background: palette.brand }} /> Buttons use{' '}
        {palette.brand} with {palette.onBrand === '#ffffff' ? 'white' : 'black'} text (contrast{' '}
        {ratio}:1, WCAG AA needs 4.5:1); links use {palette.brandText}.
      </p>
      <h2>Changes</h2>
      <CatalogueChangesList changes={changes} />
    </PageLayout>
  );
}
