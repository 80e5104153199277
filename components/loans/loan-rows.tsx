'use client';
// The rows of one loans table, drawn from the words the server put them in (loan-rows-data.ts):
// a checkbox to select the loan (a plain input joined to the renew form, followed by the renew
// controls by event delegation), title and byline, lending library (and branch) with where it may
// be returned (R3), due date absolute and relative, renewals used, and today's renewal decision
// (RN1–RN8) — replaced in place by a renew request's outcome for the loan, with JavaScript or
// (rendered on the server from the form's answer) without. Must sit inside <RenewArea>.
// The e2e specs address a row's cells by position: keep their order.
import { useMemo } from 'react';
import { RenewOutcomeText, useRenewOutcomes } from './renew-controls';
import { DUE_CLASSES, type LoanRowsData, type ReturnPlaceData } from './loan-rows-data';
import { RENEW_FORM_ID, renewStatusId } from './renew-state';

function ReturnPlace({ place }: { place: ReturnPlaceData }) {
  return (
    <div data-testid="return-place">
      {place.text}
      {place.more ? (
        <details>
          <summary>{place.more.summary}</summary>
          <ul>
            {place.more.branches.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function LoanRows({ data }: { data: LoanRowsData }) {
  const outcomeOf = useRenewOutcomes();
  const { words, selectLabel } = data;
  // One element per return place, shared by its rows; keyed by its words, not its index, which a
  // refresh that reorders the places would change (remounting it closes an open disclosure).
  const places = useMemo(() => data.places.map((place) => <ReturnPlace key={place.text} place={place} />), [data.places]);
  return (
    <tbody>
      {data.rows.map(([id, title, byline, library, branch, dueOn, relativeDue, dueClass, renewals, renewable, decision, place]) => {
        const outcome = outcomeOf(id);
        return (
          <tr key={id}>
            <td>
              <input
                type="checkbox"
                name="loanId"
                value={id}
                form={RENEW_FORM_ID}
                aria-label={selectLabel[0] + title + selectLabel[1]}
                aria-describedby={renewStatusId(id)}
                disabled={renewable === 0 || undefined}
              />
            </td>
            <th scope="row">
              <b>{title}</b>
              <small>{byline}</small>
            </th>
            <td>
              {words[library]}
              {branch >= 0 ? <small>{words[branch]}</small> : null}
              {places[place]}
            </td>
            <td>
              <span>{words[dueOn]}</span>
              <small className={DUE_CLASSES[dueClass] || undefined}>{words[relativeDue]}</small>
            </td>
            <td>{words[renewals]}</td>
            <td>
              <span id={renewStatusId(id)} data-renew-outcome={outcome?.outcome}>
                {outcome ? <RenewOutcomeText item={outcome} /> : words[decision]}
              </span>
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
