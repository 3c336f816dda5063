// Changes how many of one product are in the cart: − and + buttons around a number field (0 to 99), each
// labelled with the product's name so a screen reader says what it changes.
import { useId } from 'react';
import { clampQuantity, MAX_QUANTITY } from '../cart/cart-quantities';
import { useI18n } from '../i18n/language-context';

interface QuantityStepperProps {
  productName: string;
  quantity: number;
  onChange: (quantity: number) => void;
}

export function QuantityStepper({ productName, quantity, onChange }: QuantityStepperProps) {
  const { messages } = useI18n();
  const id = useId();
  return (
    <div className="stepper">
      <button
        type="button"
        className="secondary stepper__button"
        aria-label={messages.removeOne(productName)}
        disabled={quantity <= 0}
        onClick={() => onChange(clampQuantity(quantity - 1))}
      >
        −
      </button>
      <label htmlFor={id} className="visually-hidden">
        {messages.quantityOf(productName)}
      </label>
      <input
        id={id}
        className="stepper__input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_QUANTITY}
        step={1}
        value={quantity}
        onChange={(event) => onChange(clampQuantity(event.target.valueAsNumber))}
      />
      <button
        type="button"
        className="secondary stepper__button"
        aria-label={messages.addOne(productName)}
        disabled={quantity >= MAX_QUANTITY}
        onClick={() => onChange(clampQuantity(quantity + 1))}
      >
        +
      </button>
    </div>
  );
}
