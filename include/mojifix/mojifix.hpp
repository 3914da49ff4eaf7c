// mojifix/mojifix.hpp — umbrella header: everything public.
#pragma once

#include "mojifix/annotations.hpp"
#include "mojifix/classify.hpp"
#include "mojifix/convert.hpp"
#include "mojifix/detect.hpp"
#include "mojifix/fix.hpp"
#include "mojifix/byte_shift.hpp"
#include "mojifix/mojibake.hpp"
#include "mojifix/normalize.hpp"
#include "mojifix/punctuation.hpp"
#include "mojifix/options.hpp"
#include "mojifix/repair.hpp"
#include "mojifix/script.hpp"
#include "mojifix/stream.hpp"
#include "mojifix/version.hpp"
