import { navigate } from '../router';

interface ErrorPageProps {
  title: string;
  message: string;
}

export function ErrorPage({ title, message }: ErrorPageProps) {
  return (
    <main className="error-page" data-testid="error-page">
      <div className="error-card" role="alert">
        <div className="brand-mark" aria-hidden="true" />
        <h1>{title}</h1>
        <p>{message}</p>
        <button type="button" className="button primary" onClick={() => navigate('/')}>
          Go to the start page
        </button>
      </div>
    </main>
  );
}
