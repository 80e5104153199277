// A used, expired or unknown link: a clear page with the way to ask again, never an error page.
import Link from 'next/link';

export function InvalidLink({ title, body, action, href }: { title: string; body: string; action: string; href: string }) {
  return (
    <section aria-labelledby="invalid-link-title" className="max-w-2xl space-y-4">
      <h1 id="invalid-link-title" className="text-3xl font-bold">
        {title}
      </h1>
      <p>{body}</p>
      <p>
        <Link href={href} className="btn btn-primary">
          {action}
        </Link>
      </p>
    </section>
  );
}
