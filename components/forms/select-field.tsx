// One labelled select (its options are the children), looking like TextField.
import { controlClass, labelClass } from './field-styles';

export function SelectField({
  id,
  name,
  label,
  defaultValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={controlClass(false)}>
        {children}
      </select>
    </div>
  );
}
