#include "api/interim_guard.h"

namespace passend::api {

Result<std::shared_ptr<const access::Principal>> AccessLayerMissingGuard::Admit(const Route& route,
                                                                                const ApiRequest&) {
  return Unavailable("De toegangscontrole is nog niet beschikbaar. Alleen openbare gegevens (" +
                     route.permission + " is niet openbaar).");
}

}  // namespace passend::api
