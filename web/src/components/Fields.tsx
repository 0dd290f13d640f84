// Form fields in the NL Design System's markup: a label for every input, hints and errors
// tied to it with aria-describedby, large targets.
interface Option {
  value: string;
  label: string;
}

export function Select(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
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
      <select
        id={props.id}
        class={`utrecht-select utrecht-select--html-select${props.error ? ' utrecht-select--invalid' : ''}`}
        aria-describedby={described || undefined}
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
    </div>
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

// A one-line text field (numeric: a short field with the numeric keyboard on a phone).
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  numeric?: boolean;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  onInput: (v: string) => void;
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ');
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
      <input
        id={props.id}
        class={`utrecht-textbox utrecht-textbox--html-input${props.numeric ? ' short' : ''}${props.error ? ' utrecht-textbox--invalid' : ''}`}
        type={(props.type ?? 'text') as 'text'}
        autocomplete={props.autocomplete}
        inputMode={props.numeric ? 'numeric' : undefined}
        maxLength={props.numeric ? 4 : 200}
        aria-describedby={described || undefined}
        aria-invalid={props.error ? true : undefined}
        value={props.value}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}
