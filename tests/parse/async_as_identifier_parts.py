asyncio.run(main())
async_value = 1
awaitable = 2
x.async_ = 3
