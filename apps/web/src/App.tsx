import { ErrorPage } from './pages/ErrorPage';
import { MapPage } from './pages/MapPage';
import { StartPage } from './pages/StartPage';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'map':
      // Keyed by map and token so opening another link starts a fresh session.
      return <MapPage key={`${route.mapId}:${route.token}`} mapId={route.mapId} token={route.token} />;
    default:
      return (
        <ErrorPage
          title="Page not found"
          message={`There is nothing at ${route.path}. Map links look like /m/<map id>?token=<token>.`}
        />
      );
  }
}
