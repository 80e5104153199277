// R14: the library of a card, for the card + PIN forms (linking, activation). A guest library
// registers a guest under the home card number, so one number (and PIN) can open two records of
// one person; naming the library picks that library's record. "Any library" (the default) asks
// every library, and the look-up then needs exactly one record.
import { SelectField } from '@/components/forms/select-field';

export interface LibraryChoice {
  isil: string;
  name: string;
}

export function CardLibraryField({
  id,
  libraries,
  label,
  hint,
  anyLabel,
  error,
}: {
  id: string;
  libraries: readonly LibraryChoice[];
  label: string;
  hint: string;
  anyLabel: string;
  error: string | null;
}) {
  return (
    <SelectField id={id} name="library" label={label} hint={hint} error={error} defaultValue="">
      <option value="">{anyLabel}</option>
      {libraries.map((library) => (
        <option key={library.isil} value={library.isil}>
          {library.name}
        </option>
      ))}
    </SelectField>
  );
}
