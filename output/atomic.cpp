// The HDF5 writers' form of the one durable write (core/durable_write.hpp): HDF5 writes to a file
// name, and its exceptions become one line naming the file.
#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "output/h5util.hpp"

namespace smug::out::h5 {

void write_atomically(const std::string& path, const std::string& kind,
                      const std::function<void(const std::string& tmp)>& write) {
  H5::Exception::dontPrint();
  try {
    replace_durably(path, kind, write);
  } catch (const H5::Exception& e) {
    throw RuntimeFailure("cannot write " + kind + " '" + path + "': HDF5 error in " +
                         e.getFuncName() + ": " + e.getDetailMsg());
  }
}

}  // namespace smug::out::h5
