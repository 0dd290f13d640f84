// Form fields in the NL Design System's markup: a label for every input, hints and errors
// tied to it with aria-describedby, large targets.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

interface Option {
  value: string;
  label: string;
}

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

// What aria-describedby names for a field: its hint and its error.
const describedBy = (p: FrameProps) =>
  [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(' ') || undefined;

// The label, hint and error around one input.
function Frame(props: FrameProps & { children: ComponentChildren }) {
  return (
    <div class={`utrecht-form-field${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

export function Select(
  props: FrameProps & {
    value: string;
    options: Option[];
    onChange: (value: string) => void;
  },
) {
  // A select shows only what fits its width: on a phone a long choice ("5VV: Beschermd wonen
  // met intensieve dementiezorg") is cut off, so it is written out whole below it there (for
  // the eye only; a screen reader reads the select's whole value already).
  const chosen = props.options.find((o) => o.value === props.value);
  return (
    <Frame {...props}>
      <select
        id={props.id}
        class={`utrecht-select utrecht-select--html-select${props.error ? ' utrecht-select--invalid' : ''}`}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? true : undefined}
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {chosen && chosen.label.length > 24 && (
        <p class="select-whole" aria-hidden="true">
          {chosen.label}
        </p>
      )}
    </Frame>
  );
}

// A short list (up to about eight choices) as radio buttons instead of a select: every
// choice readable whole at 320 px (a select shows only what fits its width) and one tap
// each. The legend names the group; a hint and an error are tied to the group.
export function RadioGroup(
  props: FrameProps & {
    value: string;
    options: Option[];
    onChange: (value: string) => void;
  },
) {
  return (
    <fieldset
      class={`utrecht-form-fieldset radio-group${props.error ? ' invalid' : ''}`}
      id={props.id}
      tabIndex={-1}
      aria-describedby={describedBy(props)}
    >
      <legend class="utrecht-form-label">{props.label}</legend>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <ul class="choice-list">
        {props.options.map((o) => (
          <li key={o.value}>
            <Choice
              type="radio"
              id={`${props.id}-${o.value}`}
              name={props.id}
              label={o.label}
              checked={props.value === o.value}
              onChange={(on) => on && props.onChange(o.value)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Choice(props: {
  type: 'checkbox' | 'radio';
  id: string;
  name?: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="choice-wrap">
      <label class="choice" for={props.id}>
        <input
          id={props.id}
          name={props.name}
          type={props.type}
          class={
            props.type === 'checkbox'
              ? 'utrecht-checkbox utrecht-checkbox--html-input'
              : 'utrecht-radio-button utrecht-radio-button--html-input'
          }
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.hint && (
        <p class="field-hint choice-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

// A one-line text field (numeric: a short field with the numeric keyboard on a phone; with
// onStep also − and + buttons beside it, for numbers changed by one at a time).
export function TextField(
  props: FrameProps & {
    value: string;
    numeric?: boolean;
    maxLength?: number;
    type?: 'text' | 'email' | 'password';
    autocomplete?: string;
    onInput: (v: string) => void;
    onStep?: (by: number) => void;
  },
) {
  const input = (
    <input
      id={props.id}
      class={`utrecht-textbox utrecht-textbox--html-input${props.numeric ? ' short' : ''}${props.error ? ' utrecht-textbox--invalid' : ''}`}
      type={(props.type ?? 'text') as 'text'}
      autocomplete={props.autocomplete}
      inputMode={props.numeric ? 'numeric' : undefined}
      maxLength={props.maxLength ?? (props.numeric ? 4 : 200)}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? true : undefined}
      value={props.value}
      onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
    />
  );
  const step = props.onStep;
  return (
    <Frame {...props}>
      {step ? (
        <div class="stepper">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            aria-label={t('common.one_less', { what: props.label })}
            onClick={() => step(-1)}
          >
            −
          </button>
          {input}
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            aria-label={t('common.one_more', { what: props.label })}
            onClick={() => step(1)}
          >
            +
          </button>
        </div>
      ) : (
        input
      )}
    </Frame>
  );
}
